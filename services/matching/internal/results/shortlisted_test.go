package results_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/services/matching/internal/adapters/announce"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// movingClock is a clock tests move forward.
type movingClock struct{ at atomic.Int64 }

func newMovingClock() *movingClock {
	c := &movingClock{}
	c.at.Store(now.UnixNano())
	return c
}

func (c *movingClock) now() time.Time          { return time.Unix(0, c.at.Load()).UTC() }
func (c *movingClock) advance(d time.Duration) { c.at.Add(int64(d)) }

// recordingInstance is an instance of the rig that records first
// shortlistings in the store and announces them, with the given clock.
func (g *announceRig) recordingInstance(clk func() time.Time) (*results.Results, *announce.Announcer) {
	g.t.Helper()
	pub, err := events.NewPublisher(g.rdb, events.PublisherConfig{})
	if err != nil {
		g.t.Fatal(err)
	}
	ann := announce.New(pub, g.stream, nil)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { _ = ann.Run(ctx); close(done) }()
	g.t.Cleanup(func() { cancel(); <-done })
	res, err := results.New(results.Deps{Index: g.ix, Store: g.store, Programmes: programmes{}, RefKey: refKey,
		Locks: g.locks, Now: clk, Shortlistings: g.store, ShortlistingAnnouncer: ann})
	if err != nil {
		g.t.Fatal(err)
	}
	return res, ann
}

// firstShortlisting reads a candidate's record; found is false without one.
func (g *announceRig) firstShortlisting(id string) (results.Shortlisting, bool) {
	g.t.Helper()
	sh, err := g.store.Shortlisting(context.Background(), id)
	if errors.Is(err, errs.NotFound) {
		return sh, false
	}
	if err != nil {
		g.t.Fatal(err)
	}
	return sh, true
}

// TestFirstShortlisting: a candidate's first stored shortlist, full or
// near match, is recorded with the clock's time and its role, and
// announced once; recomputing that list later, another role's list taking
// the candidate, a rebuild and a restarted instance keep the first time
// and announce nothing; a candidate on no shortlist has no record.
func TestFirstShortlisting(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	g := newAnnounceRig(t)
	clk := newMovingClock()
	res, ann := g.recordingInstance(clk.now)
	first := clk.now()
	g.ix.UpsertRole(baristaRole("role-1"))
	if err := res.RoleChanged(ctx, "role-1"); err != nil {
		t.Fatal(err)
	}
	g.ix.UpsertCandidate(released("cand-near", 1, espresso(3)))
	g.ix.UpsertCandidate(released("cand-full", 1, espresso(3), milk(2)))
	g.ix.UpsertCandidate(released("cand-none", 1))
	for _, id := range []string{"cand-near", "cand-full", "cand-none"} {
		if err := res.CandidateChanged(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	g.expect(ann, "two candidates shortlisted for the first time",
		"matches.candidate_shortlisted cand-near 1", "matches.candidate_shortlisted cand-full 1")
	for _, id := range []string{"cand-near", "cand-full"} {
		sh, ok := g.firstShortlisting(id)
		if !ok || !sh.FirstAt.Equal(first) || sh.FirstRoleID != "role-1" {
			t.Fatalf("%s: record %+v (found %v), want first_at %s on role-1", id, sh, ok, first)
		}
	}
	if _, ok := g.firstShortlisting("cand-none"); ok {
		t.Fatal("a candidate on no shortlist has a record")
	}

	clk.advance(48 * time.Hour)
	g.ix.UpsertRole(baristaRole("role-2"))
	if err := res.RoleChanged(ctx, "role-2"); err != nil {
		t.Fatal(err)
	}
	g.ix.UpsertCandidate(released("cand-near", 2, espresso(4)))
	if err := res.CandidateChanged(ctx, "cand-near"); err != nil {
		t.Fatal(err)
	}
	if err := res.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	restarted, ann2 := g.recordingInstance(clk.now)
	if err := restarted.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	g.expect(ann, "lists recomputed later")
	g.expect(ann2, "a restarted instance rebuilding")
	for _, id := range []string{"cand-near", "cand-full"} {
		if sh, ok := g.firstShortlisting(id); !ok || !sh.FirstAt.Equal(first) || sh.FirstRoleID != "role-1" {
			t.Fatalf("%s after recomputation: %+v (found %v), want the first time kept", id, sh, ok)
		}
	}
}

// TestShortlistingRaceAnnouncesOnce: two instances that both believe a
// candidate unrecorded write one record and one announcement between them.
func TestShortlistingRaceAnnouncesOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	g := newAnnounceRig(t)
	g.ix.UpsertRole(baristaRole("role-1"))
	g.ix.UpsertRole(baristaRole("role-2"))
	a, annA := g.recordingInstance(clock)
	b, annB := g.recordingInstance(clock)
	// Both load what is recorded (nothing) with their first write.
	for _, r := range []*results.Results{a, b} {
		if err := r.Rebuild(ctx); err != nil {
			t.Fatal(err)
		}
	}
	g.ix.UpsertCandidate(released("cand-1", 1, espresso(3)))
	if err := a.RoleChanged(ctx, "role-1"); err != nil {
		t.Fatal(err)
	}
	if err := b.RoleChanged(ctx, "role-2"); err != nil {
		t.Fatal(err)
	}
	got := append(g.announced(annA), g.announced(annB)...)
	if len(got) != 1 || got[0] != "matches.candidate_shortlisted cand-1 1" {
		t.Fatalf("announced %q, want the first shortlisting once", got)
	}
	if sh, ok := g.firstShortlisting("cand-1"); !ok || sh.FirstRoleID != "role-1" {
		t.Fatalf("record %+v (found %v), want role-1's", sh, ok)
	}
}

// TestErasureForgetsTheShortlisting: an erased candidate's record is gone,
// and rewriting the lists the candidate stood on does not bring it back.
func TestErasureForgetsTheShortlisting(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	g := newAnnounceRig(t)
	res, _ := g.recordingInstance(clock)
	g.ix.UpsertRole(baristaRole("role-1"))
	g.ix.UpsertCandidate(released("cand-e", 1, espresso(3), milk(2)))
	g.ix.UpsertCandidate(released("cand-k", 1, espresso(3)))
	if err := res.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok := g.firstShortlisting("cand-e"); !ok {
		t.Fatal("no record before the erasure")
	}
	g.ix.RemoveCandidate("cand-e")
	if err := res.CandidateRemoved(ctx, "cand-e"); err != nil {
		t.Fatal(err)
	}
	if err := res.CandidateErased(ctx, "cand-e"); err != nil {
		t.Fatal(err)
	}
	if err := res.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	if sh, ok := g.firstShortlisting("cand-e"); ok {
		t.Fatalf("the erased candidate's record survived: %+v", sh)
	}
	if _, ok := g.firstShortlisting("cand-k"); !ok {
		t.Fatal("another candidate's record went with the erasure")
	}
}
