package feed

import (
	"context"
	"time"
)

// load fills the index from the owners' bulk pages and then marks the feed
// ready. A failed page is retried with a backoff until it succeeds, so an
// owner that starts after matching only delays readiness. It reports
// whether the load finished before ctx ended.
func (f *Feed) load(ctx context.Context) bool {
	start := time.Now()
	roles, ok := loadAll(ctx, f, "roles", f.deps.Roles.Views, f.roles)
	if !ok {
		return false
	}
	candidates, ok := loadAll(ctx, f, "candidates", f.deps.Candidates.Views, f.candidates)
	if !ok {
		return false
	}
	f.loaded.Store(true)
	f.log.Info("feed: index loaded", "roles", roles, "candidates", candidates, "took_ms", time.Since(start).Milliseconds())
	return true
}

// loadAll applies every page of views to s and returns how many it read.
func loadAll[T any](ctx context.Context, f *Feed, what string,
	views func(ctx context.Context, cursor string, limit int) ([]T, string, error), s *shelf[T]) (int, bool) {
	n, cursor, delay := 0, "", time.Duration(0)
	for {
		page, next, err := views(ctx, cursor, f.cfg.LoadPageSize)
		if err != nil {
			if ctx.Err() != nil {
				return n, false
			}
			delay = backoff(delay)
			f.log.Warn("feed: initial load page failed; retrying", "what", what, "loaded", n, "error", err.Error(), "retry_in", delay)
			sleep(ctx, delay)
			continue
		}
		delay = 0
		for _, v := range page {
			s.apply(v)
		}
		n += len(page)
		if next == "" {
			return n, true
		}
		cursor = next
	}
}
