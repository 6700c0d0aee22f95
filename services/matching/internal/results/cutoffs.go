package results

import (
	"context"
	"sync"
	"time"
)

// cutoffCache holds each list's cut-off in memory, read lazily from the
// store in batches, so a candidate change decides which of thousands of
// shortlists it enters without reading them.
type cutoffCache struct {
	ttl  time.Duration
	now  Clock
	load func(ctx context.Context, ids []string) (map[string]Cutoff, error)

	mu   sync.Mutex
	cuts map[string]cachedCutoff
}

// cachedCutoff is a cut-off and when it was learnt. Known is false for a
// list the store does not hold.
type cachedCutoff struct {
	Cutoff
	known bool
	at    time.Time
}

// loadBatch bounds one $in query.
const loadBatch = 500

func newCutoffCache(ttl time.Duration, now Clock, load func(context.Context, []string) (map[string]Cutoff, error)) *cutoffCache {
	return &cutoffCache{ttl: ttl, now: now, load: load, cuts: map[string]cachedCutoff{}}
}

// get returns the cut-offs of ids; a list the store does not hold is
// absent from the answer.
func (c *cutoffCache) get(ctx context.Context, ids []string) (map[string]Cutoff, error) {
	out := make(map[string]Cutoff, len(ids))
	var missing []string
	c.mu.Lock()
	now := c.now()
	for _, id := range ids {
		cc, ok := c.cuts[id]
		if !ok || c.ttl > 0 && now.Sub(cc.at) > c.ttl {
			missing = append(missing, id)
			continue
		}
		if cc.known {
			out[id] = cc.Cutoff
		}
	}
	c.mu.Unlock()
	for start := 0; start < len(missing); start += loadBatch {
		batch := missing[start:min(start+loadBatch, len(missing))]
		loaded, err := c.load(ctx, batch)
		if err != nil {
			return nil, err
		}
		c.mu.Lock()
		for _, id := range batch {
			cut, known := loaded[id]
			c.cuts[id] = cachedCutoff{Cutoff: cut, known: known, at: now}
			if known {
				out[id] = cut
			}
		}
		c.mu.Unlock()
	}
	return out, nil
}

// set records the cut-off of a list just written.
func (c *cutoffCache) set(id string, cut Cutoff) {
	c.mu.Lock()
	c.cuts[id] = cachedCutoff{Cutoff: cut, known: true, at: c.now()}
	c.mu.Unlock()
}

// forget drops a deleted list.
func (c *cutoffCache) forget(id string) {
	c.mu.Lock()
	delete(c.cuts, id)
	c.mu.Unlock()
}
