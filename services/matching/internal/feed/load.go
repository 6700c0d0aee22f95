package feed

import (
	"context"
	"time"
)

// load fills the index from the owners' listings and then marks the feed
// ready. A failed listing is read again from the start with a backoff until
// it succeeds (applying a view twice changes nothing), so an owner that
// starts after matching only delays readiness. It reports whether the load
// finished before ctx ended.
func (f *Feed) load(ctx context.Context) bool {
	start := time.Now()
	roles, ok := loadAll(ctx, f, "roles", f.deps.Roles.EachView, f.roles)
	if !ok {
		return false
	}
	candidates, ok := loadAll(ctx, f, "candidates", f.deps.Candidates.EachView, f.candidates)
	if !ok {
		return false
	}
	f.loaded.Store(true)
	f.log.Info("feed: index loaded", "roles", roles, "candidates", candidates, "took_ms", time.Since(start).Milliseconds())
	return true
}

// loadAll applies every view of a listing to s and returns how many the
// successful pass read.
func loadAll[T any](ctx context.Context, f *Feed, what string,
	each func(ctx context.Context, fn func(T) error) error, s *shelf[T]) (int, bool) {
	delay := time.Duration(0)
	for {
		n := 0
		err := each(ctx, func(v T) error {
			s.apply(v)
			n++
			return nil
		})
		if err == nil {
			return n, true
		}
		if ctx.Err() != nil {
			return n, false
		}
		delay = backoff(delay)
		f.log.Warn("feed: initial load failed; reading it again", "what", what, "read", n, "error", err.Error(), "retry_in", delay)
		sleep(ctx, delay)
	}
}
