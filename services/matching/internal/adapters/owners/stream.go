package owners

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
)

// ndjson is the media type of an owner's listing streamed as JSON lines.
const ndjson = "application/x-ndjson"

// maxLine caps one line of a stream; one candidate's view stays far below.
const maxLine = 4 << 20

// opener sends a listing's request with the editors given; the generated
// client's plain methods (api.Client.ListMatchingViews, ...) are openers.
type opener func(ctx context.Context, editors ...api.RequestEditorFn) (*http.Response, error)

// stream asks for a listing as JSON lines (the generated client does not
// parse those) and decodes each line into a T of the description for fn.
// Every stream ends with an api.StreamEnd line counting the items, which
// the owners write "end" first ({"end":true,"count":n}) so it is told from
// an item by its start; a stream without it, or whose count differs, was
// cut short and is an errs.Unavailable error, after fn has seen what came.
// what names the listing in errors.
func stream[T any](ctx context.Context, what string, open opener, fn func(T) error) error {
	ctx, cancel := context.WithTimeout(ctx, StreamTimeout)
	defer cancel()
	resp, err := open(ctx, api.AcceptMediaType(ndjson))
	if err != nil {
		return fmt.Errorf("owners: %s: %w: %w", what, errs.Unavailable, err)
	}
	if err := statusError(what, resp.StatusCode); err != nil {
		drain(resp.Body)
		return err
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	n := 0
	for sc.Scan() {
		line := sc.Bytes()
		if bytes.HasPrefix(line, []byte(`{"end":`)) {
			var end api.StreamEnd
			if err := json.Unmarshal(line, &end); err != nil || !bool(end.End) || end.Count != n {
				return fmt.Errorf("owners: %s ended after %d items with %q: %w", what, n, line, errs.Unavailable)
			}
			return nil
		}
		var item T
		if err := json.Unmarshal(line, &item); err != nil {
			return fmt.Errorf("owners: decode item %d of %s: %w", n, what, err)
		}
		n++
		if err := fn(item); err != nil {
			return err
		}
	}
	return fmt.Errorf("owners: %s stopped after %d items without its end line: %w: %v", what, n, errs.Unavailable, sc.Err())
}
