package peers

import (
	"context"
	"sync"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
)

// refreshGap is the least time between two reads of the programme
// catalogue caused by an unknown programme, so a view naming a programme
// that no longer exists cannot make every fold a request.
const refreshGap = 2 * time.Second

// programmesPage is the page size of the catalogue's listing, the
// most candidates serves.
const programmesPage = 100

// catalogue remembers every programme's kind, read again when a view
// names a programme it does not know.
type catalogue struct {
	list func(ctx context.Context) (map[string]string, error)

	mu        sync.Mutex
	byID      map[string]string
	refreshed time.Time
}

func newCatalogue(list func(ctx context.Context) (map[string]string, error)) *catalogue {
	return &catalogue{list: list, byID: map[string]string{}}
}

// kinds returns the kinds of the programmes ids names, reading the
// catalogue again first when one is unknown (at most once per
// refreshGap). A programme still unknown has no kind; a failed read is
// an error, so nothing is counted under a kind that is merely unread.
func (c *catalogue) kinds(ctx context.Context, ids []string) (map[string]string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, id := range ids {
		if _, ok := c.byID[id]; !ok && time.Since(c.refreshed) >= refreshGap {
			all, err := c.list(ctx)
			if err != nil {
				return nil, err
			}
			c.byID, c.refreshed = all, time.Now()
			break
		}
	}
	out := make(map[string]string, len(ids))
	for _, id := range ids {
		out[id] = c.byID[id]
	}
	return out, nil
}

// listProgrammes reads the whole catalogue, a page at a time.
func (c *Client) listProgrammes(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	var cursor *string
	for {
		limit := programmesPage
		resp, err := c.candidates.calls.ListAllProgrammesWithResponse(ctx, &api.ListAllProgrammesParams{Cursor: cursor, Limit: &limit})
		page, err := ok[api.InternalProgrammePage]("GET /internal/v1/programmes", resp, err)
		if err != nil {
			return nil, err
		}
		for _, p := range page.Items {
			out[p.ID] = string(p.Kind)
		}
		if page.NextCursor == nil || *page.NextCursor == "" {
			return out, nil
		}
		cursor = page.NextCursor
	}
}
