package service

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// memoryCounts holds the counts of a few candidates in memory, folded
// with domain.ContributionsOf as the read model folds them, and counts
// how often they are read. Until release is closed (when set) a read
// waits.
type memoryCounts struct {
	counts  domain.Counts
	reads   atomic.Int32
	release chan struct{}
}

func newMemoryCounts(asOf time.Time, people ...domain.Progress) *memoryCounts {
	c := domain.NewCounts()
	for _, p := range people {
		c.Apply(domain.ContributionsOf(p, asOf).Counts())
	}
	return &memoryCounts{counts: c}
}

func (m *memoryCounts) ScopeSheet(ctx context.Context, scope string, from, to domain.Month) (domain.Sheet, error) {
	m.reads.Add(1)
	if m.release != nil {
		select {
		case <-m.release:
		case <-ctx.Done():
			return domain.Sheet{}, ctx.Err()
		}
	}
	return domain.SheetOf(m.counts, scope, from, to), nil
}

// movingClock is a clock a test moves.
type movingClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *movingClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *movingClock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

var admin = auth.Principal{Subject: "root", Role: auth.RoleAdmin}

func registered(id string, at time.Time) domain.Progress {
	return domain.Progress{CandidateID: id, OrganisationID: "org-a", CreatedAt: at}
}

// TestReportsAreKeptForMaxAge checks the report cache: within MaxAge a
// period's report is the one built first (the same as_of, the counts read
// once, however they changed since), after it the counts are read again;
// requests that arrive during a build share it; another period is its own
// report; and a negative MaxAge reads the counts every time.
func TestReportsAreKeptForMaxAge(t *testing.T) {
	ctx := context.Background()
	clock := &movingClock{now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	march := domain.MonthOf(clock.now)
	counts := newMemoryCounts(clock.now, registered("c1", clock.now.Add(-time.Hour)))
	o := NewOutcomes(OutcomesDeps{Counts: counts, Clock: clock.Now})
	q := ReportQuery{From: march - 11, To: march}
	first, err := o.Report(ctx, admin, q)
	if err != nil {
		t.Fatal(err)
	}
	counts.counts = newMemoryCounts(clock.now, registered("c1", clock.now), registered("c2", clock.now)).counts
	clock.Add(DefaultReportMaxAge - time.Second)
	again, _ := o.Report(ctx, admin, ReportQuery{From: march - 11, To: march, GroupBy: domain.Setting})
	if !again.AsOf.Equal(first.AsOf) || counts.reads.Load() != 1 || again.Funnel[0].Steps[0].Count != first.Funnel[0].Steps[0].Count {
		t.Fatalf("within the max age: as of %v (first %v), %d reads", again.AsOf, first.AsOf, counts.reads.Load())
	}
	clock.Add(time.Second)
	fresh, _ := o.Report(ctx, admin, q)
	if !fresh.AsOf.Equal(clock.Now()) || counts.reads.Load() != 2 {
		t.Fatalf("after the max age: as of %v, %d reads", fresh.AsOf, counts.reads.Load())
	}
	if _, err := o.Report(ctx, admin, ReportQuery{From: march, To: march}); err != nil || counts.reads.Load() != 3 {
		t.Fatalf("another period: %v, %d reads", err, counts.reads.Load())
	}

	counts.release = make(chan struct{})
	clock.Add(DefaultReportMaxAge)
	var wg sync.WaitGroup
	asOfs := make([]time.Time, 5)
	for i := range asOfs {
		wg.Go(func() {
			r, err := o.Report(ctx, admin, q)
			if err != nil {
				t.Error(err)
			}
			asOfs[i] = r.AsOf
		})
	}
	for counts.reads.Load() < 4 {
		time.Sleep(time.Millisecond)
	}
	close(counts.release)
	wg.Wait()
	if counts.reads.Load() != 4 {
		t.Fatalf("five requests during one build read the counts %d times", counts.reads.Load()-3)
	}
	for _, a := range asOfs[1:] {
		if !a.Equal(asOfs[0]) {
			t.Fatalf("requests during one build got two reports: %v", asOfs)
		}
	}

	off := NewOutcomes(OutcomesDeps{Counts: counts, Clock: clock.Now, MaxAge: -1})
	before := counts.reads.Load()
	for range 3 {
		if _, err := off.Report(ctx, admin, q); err != nil {
			t.Fatal(err)
		}
	}
	if got := counts.reads.Load() - before; got != 3 {
		t.Fatalf("without a cache three reports read the counts %d times", got)
	}
}
