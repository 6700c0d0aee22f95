package service

import (
	"context"
	"time"
)

// Bounds of the delay between two attempts at a failed rebuild: the
// owners may still be starting.
const (
	minRetry = time.Second
	maxRetry = time.Minute
)

// RequestRebuild asks Maintain for a rebuild and returns at once; a
// consumer group found recreated (its events lost) calls it.
func (s *Service) RequestRebuild() {
	select {
	case s.rebuild <- struct{}{}:
	default: // one is asked for already
	}
}

// Maintain runs until ctx ends. At start it rebuilds the read model when
// it was never built or a rebuild was asked for before a stop, and else
// catches up a rebuild interrupted after its swap; then it rebuilds
// whenever RequestRebuild asks. A failed attempt is logged and retried
// with a growing delay, since the owners may not be up yet.
func (s *Service) Maintain(ctx context.Context) error {
	var meta Meta
	if !s.retry(ctx, "read the read model's state", func() (err error) { meta, err = s.d.Store.Meta(ctx); return err }) {
		return nil
	}
	want := !meta.Built || meta.RebuildWanted
	if !want && !s.retry(ctx, "catch up after a rebuild", func() error { return s.CatchUp(ctx) }) {
		return nil
	}
	for {
		if want && !s.retry(ctx, "rebuild", func() error { return s.Rebuild(ctx) }) {
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-s.rebuild:
			want = s.retry(ctx, "ask for a rebuild", func() error { return s.d.Store.WantRebuild(ctx) })
		}
	}
}

// retry runs fn until it succeeds (true) or ctx ends (false), logging
// each failure as what failed.
func (s *Service) retry(ctx context.Context, what string, fn func() error) bool {
	delay := minRetry
	for {
		err := fn()
		if err == nil {
			return true
		}
		if ctx.Err() != nil {
			return false
		}
		s.d.Logger.WarnContext(ctx, "insights: "+what+" failed; retrying", "error", err.Error(), "retry_in", delay.String())
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return false
		case <-t.C:
		}
		delay = min(2*delay, maxRetry)
	}
}
