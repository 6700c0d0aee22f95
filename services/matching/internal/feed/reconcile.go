package feed

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Reconciliation is the outcome of one comparison with the owners.
type Reconciliation struct {
	// At is when it started; Took how long it ran.
	At   time.Time
	Took time.Duration
	// Fetched counts aggregates fetched because the index was missing or
	// behind them; Removed those the owner no longer has.
	Fetched, Removed int
	// Aligned counts the ids taken out of stored lists the index no
	// longer holds them in.
	Aligned int
	// Failed is true when part of it failed; the next round retries.
	Failed bool
}

// Reconcile compares every version the owners list with the index, fetches
// what is missing or stale, removes what the owner no longer has, and calls
// Results for each change; then it aligns the stored lists with the index
// (Deps.Lists). Only one runs at a time. It reads the listings as fast as
// the owners answer them.
func (f *Feed) Reconcile(ctx context.Context) (Reconciliation, error) {
	return f.reconcile(ctx, 0)
}

// reconcile is Reconcile reading at most pace entries of each listing a
// second (no limit when pace is not positive).
func (f *Feed) reconcile(ctx context.Context, pace int) (Reconciliation, error) {
	f.reconcileMu.Lock()
	defer f.reconcileMu.Unlock()
	r := Reconciliation{At: time.Now().UTC()}
	cf, cr, errC := reconcileShelf(ctx, f.candidates, paced(f.deps.Candidates.EachVersion, pace), f.candidates.ops.fetch, f.candidateResults)
	rf, rr, errR := reconcileShelf(ctx, f.roles, paced(f.deps.Roles.EachVersion, pace), f.roles.ops.fetch, f.roleResults)
	var errL error
	if f.deps.Lists != nil {
		// The owners were compared with the index; the stored lists are
		// compared with it too, or a change that reached the index without
		// its event (at a load, say) would never reach them.
		r.Aligned, errL = f.deps.Lists.Align(ctx)
	}
	r.Fetched, r.Removed, r.Took = cf+rf, cr+rr, time.Since(r.At)
	err := errors.Join(errC, errR, errL)
	r.Failed = err != nil
	f.statusMu.Lock()
	f.last = &r
	f.statusMu.Unlock()
	return r, err
}

// LastReconciliation returns the last finished reconciliation, if any.
func (f *Feed) LastReconciliation() (Reconciliation, bool) {
	f.statusMu.Lock()
	defer f.statusMu.Unlock()
	if f.last == nil {
		return Reconciliation{}, false
	}
	return *f.last, true
}

// requestReconciliation asks reconcileEvery for a reconciliation now,
// without waiting; a request already waiting covers this one.
func (f *Feed) requestReconciliation() {
	select {
	case f.reconcileNow <- struct{}{}:
	default:
	}
}

// reconcileEvery runs Reconcile every interval (when it is positive) and
// whenever one is requested, until ctx ends.
func (f *Feed) reconcileEvery(ctx context.Context) {
	var tick <-chan time.Time
	if f.cfg.ReconcileInterval > 0 {
		t := time.NewTicker(f.cfg.ReconcileInterval)
		defer t.Stop()
		tick = t.C
	}
	for {
		pace := f.cfg.ReconcilePace
		select {
		case <-ctx.Done():
			return
		case <-tick:
		case <-f.reconcileNow:
			f.log.Info("feed: redis lost its streams; reconciling with the owners now")
			pace = 0
		}
		r, err := f.reconcile(ctx, pace)
		switch {
		case err != nil && ctx.Err() == nil:
			f.log.Warn("feed: reconciliation failed", "error", err.Error(), "fetched", r.Fetched, "removed", r.Removed)
		case r.Fetched > 0 || r.Removed > 0 || r.Aligned > 0:
			f.log.Info("feed: reconciliation healed the index", "fetched", r.Fetched, "removed", r.Removed, "aligned", r.Aligned, "took_ms", r.Took.Milliseconds())
		default:
			f.log.Debug("feed: reconciliation found the index in step", "took_ms", r.Took.Milliseconds())
		}
	}
}

// reconcileShelf brings s in step with the owner's listing. The snapshot
// is taken before the listing, so an aggregate the owner creates meanwhile
// is never mistaken for one it removed; an aggregate the listing lacks is
// fetched once more before it goes, so only the owner's 404 removes it.
func reconcileShelf[T any](ctx context.Context, s *shelf[T],
	list func(ctx context.Context, fn func(Version) error) error,
	fetch func(ctx context.Context, id string) (T, error),
	tell func(ctx context.Context, id string, present bool) error,
) (fetched, removed int, err error) {
	snap := s.snapshot()
	seen := make(map[string]struct{}, len(snap))
	var failures []error
	changed := func(id string, present bool) {
		if err := tell(ctx, id, present); err != nil {
			failures = append(failures, err)
		}
	}
	// The listing is read to its end before anything is fetched, so a
	// streamed listing is never left waiting on the fetches.
	var stale []Version
	err = list(ctx, func(v Version) error {
		seen[v.ID] = struct{}{}
		if snap[v.ID] < v.Version {
			stale = append(stale, v)
		}
		return nil
	})
	if err != nil {
		return fetched, removed, fmt.Errorf("list %s versions: %w", s.kind, err)
	}
	for _, v := range stale {
		present, ch, err := s.ensure(ctx, v.ID, v.Version)
		if err != nil {
			failures = append(failures, err)
			continue
		}
		if ch {
			fetched++
			changed(v.ID, present)
		}
	}
	for id, v := range snap {
		if _, ok := seen[id]; ok {
			continue
		}
		if v == tombstone {
			s.forget(id)
			continue
		}
		got, err := fetch(ctx, id)
		switch {
		case errors.Is(err, errs.NotFound):
			if s.gone(id) {
				removed++
				changed(id, false)
			}
		case err != nil:
			failures = append(failures, fmt.Errorf("fetch %s %s: %w", s.kind, id, err))
		default:
			if ch, present := s.apply(got); ch {
				fetched++
				changed(id, present)
			}
		}
	}
	return fetched, removed, errors.Join(failures...)
}

// paced returns list reading at most pace entries a second: it waits
// after every pacedStep entries until their share of time has passed, so
// the owner, whose listing is streamed, produces it no faster (its
// stream waits while this side is not reading). A pace that is not
// positive returns list unchanged.
func paced(list func(ctx context.Context, fn func(Version) error) error, pace int) func(ctx context.Context, fn func(Version) error) error {
	if pace <= 0 {
		return list
	}
	return func(ctx context.Context, fn func(Version) error) error {
		start, n := time.Now(), 0
		return list(ctx, func(v Version) error {
			if err := fn(v); err != nil {
				return err
			}
			if n++; n%pacedStep == 0 {
				sleep(ctx, time.Until(start.Add(time.Duration(n)*time.Second/time.Duration(pace))))
			}
			return ctx.Err()
		})
	}
}

// pacedStep is how many entries paced lets through between two waits.
const pacedStep = 100
