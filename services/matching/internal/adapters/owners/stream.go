package owners

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/onward-jobs/onward/pkg/errs"
)

// ndjson is the media type of an owner's listing streamed as JSON lines.
const ndjson = "application/x-ndjson"

// maxLine caps one line of a stream; one candidate's view stays far below.
const maxLine = 4 << 20

// streamEnd is the line that ends every stream with the number of items,
// written {"end":true,"count":n}; items are objects that start with "id".
type streamEnd struct {
	End   bool `json:"end"`
	Count int  `json:"count"`
}

// stream asks path for all its items as JSON lines and decodes each into
// a T for fn. A stream without its end line, or whose count differs, was
// cut short and is an errs.Unavailable error, after fn has seen what came.
func stream[T any](ctx context.Context, c *client, path string, fn func(T) error) error {
	ctx, cancel := context.WithTimeout(ctx, StreamTimeout)
	defer cancel()
	resp, err := c.open(ctx, c.streams, path, nil, ndjson)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	n := 0
	for sc.Scan() {
		line := sc.Bytes()
		if bytes.HasPrefix(line, []byte(`{"end":`)) {
			var end streamEnd
			if err := json.Unmarshal(line, &end); err != nil || !end.End || end.Count != n {
				return fmt.Errorf("owners: GET %s ended after %d items with %q: %w", path, n, line, errs.Unavailable)
			}
			return nil
		}
		var item T
		if err := json.Unmarshal(line, &item); err != nil {
			return fmt.Errorf("owners: decode item %d of GET %s: %w", n, path, err)
		}
		n++
		if err := fn(item); err != nil {
			return err
		}
	}
	return fmt.Errorf("owners: GET %s stopped after %d items without its end line: %w: %v", path, n, errs.Unavailable, sc.Err())
}
