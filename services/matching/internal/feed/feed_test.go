package feed_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/services/matching/internal/adapters/owners/ownerstest"
	"github.com/onward-jobs/onward/services/matching/internal/feed"
)

func cid(i int) string { return fmt.Sprintf("cand-%03d", i) }
func rid(i int) string { return fmt.Sprintf("role-%03d", i) }

// seed puts n candidates (every fifth without consent) and m roles (every
// fourth paused) at the owners.
func (h *harness) seed(n, m int) {
	for i := range n {
		c := ownerstest.NewCandidate(cid(i), i)
		c.Consent.Matching = i%5 != 0
		h.fake.PutCandidate(c)
	}
	for i := range m {
		r := ownerstest.NewRole(rid(i), i)
		if i%4 == 0 {
			r.Status = "paused"
		}
		h.fake.PutRole(r)
	}
}

// TestStartupLoadFillsIndex: an instance is not ready while the owners are
// down, loads every candidate and role in bulk pages once they answer,
// indexes only consenting candidates and open roles, knows the version of
// the others, and destroys its own groups when it stops.
func TestStartupLoadFillsIndex(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seed(40, 12)
	h.fake.SetDown(true)
	in := h.start(t, "a", -1)
	time.Sleep(300 * time.Millisecond)
	if in.feed.Ready(context.Background()) == nil {
		t.Fatal("ready before the owners answered")
	}
	h.fake.SetDown(false)
	in.waitReady(t)
	if st := in.index.Stats(); st.Candidates != 32 || st.Roles != 9 {
		t.Fatalf("index holds %d candidates and %d roles; want 32 and 9", st.Candidates, st.Roles)
	}
	cands, roles := in.feed.Versions()
	if len(cands) != 40 || len(roles) != 12 {
		t.Fatalf("feed knows %d candidates and %d roles; want 40 and 12", len(cands), len(roles))
	}
	if h.fake.Calls("candidate") != 0 || h.fake.Calls("role") != 0 {
		t.Errorf("the load fetched one by one: %d candidates, %d roles", h.fake.Calls("candidate"), h.fake.Calls("role"))
	}
	groups := func() map[string]bool {
		out := map[string]bool{}
		for _, s := range []string{h.candidates, h.roles} {
			gs, _ := h.rdb.XInfoGroups(context.Background(), s).Result()
			for _, g := range gs {
				out[s+" "+g.Name] = true
			}
		}
		return out
	}
	eventually(t, "the consumers run", func() bool { return groups()[h.candidates+" matching"] && groups()[h.roles+" matching"] })
	if !groups()[h.candidates+" "+in.feed.IndexGroup()] || !groups()[h.roles+" "+in.feed.IndexGroup()] {
		t.Fatalf("own groups missing: %v", groups())
	}
	in.stop()
	if g := groups(); g[h.candidates+" "+in.feed.IndexGroup()] || g[h.roles+" "+in.feed.IndexGroup()] || !g[h.roles+" matching"] {
		t.Fatalf("after shutdown the groups are %v; want only the shared group", g)
	}
}

// TestEventsUpdateTheIndex: a change, a consent withdrawal, an erasure and
// a role closing each reach the index within one event, and the shared
// group calls Results once for each, after the index holds the change;
// the erasure is also forgotten on the instance itself.
func TestEventsUpdateTheIndex(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seed(10, 4)
	in := h.start(t, "a", -1)
	in.waitReady(t)

	c := ownerstest.NewCandidate(cid(1), 1)
	c.Version, c.Skills[0].Level = 2, 4
	h.fake.PutCandidate(c)
	h.publish(t, h.candidates, feed.EventCandidateChanged, c.ID, 2)
	eventually(t, "the change is indexed", func() bool {
		got, ok := in.index.Candidate(c.ID)
		return ok && got.Version == 2 && got.Skills[0].Level == 4
	})

	w := ownerstest.NewCandidate(cid(2), 2)
	w.Version, w.Consent.Matching = 2, false
	h.fake.PutCandidate(w)
	h.publish(t, h.candidates, feed.EventConsentChanged, w.ID, 2)
	h.fake.Erase(cid(3))
	h.publish(t, h.candidates, feed.EventCandidateErased, cid(3), 2)
	r := ownerstest.NewRole(rid(1), 1)
	r.Version, r.Status = 2, api.RoleStatusClosed
	h.fake.PutRole(r)
	h.publish(t, h.roles, feed.EventRoleChanged, r.ID, 2)
	eventually(t, "withdrawal, erasure and closing are indexed", func() bool {
		_, withdrawn := in.index.Candidate(w.ID)
		_, erased := in.index.Candidate(cid(3))
		_, closed := in.index.Role(r.ID)
		return !withdrawn && !erased && !closed
	})
	eventually(t, "every event is handled", func() bool { return h.caughtUp(t) })
	for _, call := range []string{"CandidateChanged " + c.ID, "CandidateRemoved " + w.ID, "CandidateRemoved " + cid(3), "RoleRemoved " + r.ID} {
		if n := in.results.count(call); n != 1 {
			t.Errorf("%s called %d times; want 1", call, n)
		}
	}
	// The erasure is forgotten by the instance's own group and again with
	// the lists by the shared group; a withdrawal is not an erasure.
	if n := in.results.count("CandidateErased " + cid(3)); n != 2 {
		t.Errorf("CandidateErased %s called %d times; want 2", cid(3), n)
	}
	if total, bad := in.results.totals(); total != 4 || len(bad) > 0 {
		t.Errorf("Results: %d calls (want 4), called before the index held the change: %v", total, bad)
	}
	// A stale event (older than the index) is acknowledged without a fetch.
	before := h.fake.Calls("candidate")
	h.publish(t, h.candidates, feed.EventCandidateChanged, c.ID, 1)
	eventually(t, "the stale event is handled", func() bool { return h.caughtUp(t) })
	if h.fake.Calls("candidate") != before {
		t.Error("a stale event fetched the candidate")
	}
}

// TestReconciliationHealsLostEvents: changes at the owners without any
// event (a new candidate, a changed one, an erased one, a withdrawn one,
// a reopened role) are healed by one reconciliation, which tells Results
// (the erased one as erased) and is recorded for the status page.
func TestReconciliationHealsLostEvents(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seed(12, 4)
	in := h.start(t, "a", -1)
	in.waitReady(t)
	h.fake.PutCandidate(ownerstest.NewCandidate(cid(50), 50))
	changed := ownerstest.NewCandidate(cid(1), 1)
	changed.Version, changed.Skills[0].Level = 3, 4
	h.fake.PutCandidate(changed)
	h.fake.Erase(cid(2))
	withdrawn := ownerstest.NewCandidate(cid(3), 3)
	withdrawn.Version, withdrawn.Consent.Matching = 2, false
	h.fake.PutCandidate(withdrawn)
	reopened := ownerstest.NewRole(rid(0), 0)
	reopened.Version = 2
	h.fake.PutRole(reopened)

	r, err := in.feed.Reconcile(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if r.Fetched != 4 || r.Removed != 1 || r.Failed {
		t.Errorf("reconciliation %+v; want 4 fetched, 1 removed", r)
	}
	if last, ok := in.feed.LastReconciliation(); !ok || last != r {
		t.Errorf("last reconciliation %+v, %v", last, ok)
	}
	got, ok := in.index.Candidate(cid(1))
	_, added := in.index.Candidate(cid(50))
	_, erased := in.index.Candidate(cid(2))
	_, stillWithdrawn := in.index.Candidate(cid(3))
	_, open := in.index.Role(rid(0))
	if !ok || got.Version != 3 || !added || erased || stillWithdrawn || !open {
		t.Fatalf("after reconciliation: changed %v@%d, added %v, erased still there %v, withdrawn still there %v, reopened %v",
			ok, got.Version, added, erased, stillWithdrawn, open)
	}
	for _, call := range []string{"CandidateChanged " + cid(50), "CandidateChanged " + cid(1), "CandidateRemoved " + cid(2),
		"CandidateRemoved " + cid(3), "RoleChanged " + rid(0), "CandidateErased " + cid(2)} {
		if in.results.count(call) != 1 {
			t.Errorf("%s called %d times; want 1", call, in.results.count(call))
		}
	}
	if n := in.results.count("CandidateErased " + cid(3)); n != 0 {
		t.Errorf("a withdrawal was erased %d times", n)
	}
	cands, roles := in.feed.Versions()
	all := maps.Collect(maps.All(cands))
	maps.Copy(all, roles)
	if again, _ := in.feed.Reconcile(context.Background()); again.Fetched != 0 || again.Removed != 0 {
		t.Errorf("a second reconciliation changed %+v", again)
	}
	if want := h.fakeVersions(); !maps.Equal(all, want) {
		t.Errorf("versions after reconciliation\n got %v\nwant %v", all, want)
	}
}

// TestBadEventsAreDeadLettered: a malformed entry and an event of an
// unknown type end in "{<stream>}.dead" for both groups, and the events after
// them are still applied.
func TestBadEventsAreDeadLettered(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.tuning.ClaimMinIdle, h.tuning.MaxDeliveries = 200*time.Millisecond, 2
	h.seed(3, 1)
	in := h.start(t, "a", -1)
	in.waitReady(t)
	ctx := context.Background()
	h.rdb.XAdd(ctx, redisXAdd{stream: h.candidates, raw: `{"id": "not a uuid"`}.args())
	h.publish(t, h.candidates, "candidate.renamed", cid(1), 2)
	h.publish(t, h.roles, "role.teleported", rid(0), 2)
	c := ownerstest.NewCandidate(cid(1), 1)
	c.Version = 2
	h.fake.PutCandidate(c)
	h.publish(t, h.candidates, feed.EventCandidateChanged, c.ID, 2)
	eventually(t, "the good event is applied", func() bool {
		got, ok := in.index.Candidate(c.ID)
		return ok && got.Version == 2
	})
	eventually(t, "the bad events are dead-lettered", func() bool {
		return h.rdb.XLen(ctx, events.DeadLetterStream(h.candidates)).Val() == 4 && h.rdb.XLen(ctx, events.DeadLetterStream(h.roles)).Val() == 2
	})
	dead, _ := h.rdb.XRange(ctx, events.DeadLetterStream(h.candidates), "-", "+").Result()
	groups := map[string]int{}
	for _, m := range dead {
		d, err := events.ParseDeadLetter(m)
		if err != nil {
			t.Fatal(err)
		}
		groups[d.Group]++
	}
	if groups["matching"] != 2 || groups[in.feed.IndexGroup()] != 2 {
		t.Errorf("dead letters by group: %v", groups)
	}
	eventually(t, "every group caught up", func() bool { return h.caughtUp(t) })
}

// TestTwoInstancesConverge runs two instances, each with its own index, on
// one Redis and one set of owners, through a random sequence of changes
// with their events: both indexes end equal to each other and to the
// owners, and across both instances Results is called exactly once per
// event.
func TestTwoInstancesConverge(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seed(30, 10)
	a, b := h.start(t, "a", -1), h.start(t, "b", -1)
	a.waitReady(t)
	b.waitReady(t)
	rng := rand.New(rand.NewPCG(6, 2))
	published, erased := 0, map[string]bool{}
	for range 300 {
		switch k := rng.IntN(10); {
		case k < 5: // a candidate changes or appears
			i := rng.IntN(40)
			c, ok := h.fake.Candidate(cid(i))
			if erased[cid(i)] {
				continue // An erased id is never used again.
			}
			if !ok {
				c = ownerstest.NewCandidate(cid(i), i)
			} else {
				c.Version++
			}
			c.Skills[0].Level = 1 + rng.IntN(4)
			h.fake.PutCandidate(c)
			h.publish(t, h.candidates, feed.EventCandidateChanged, c.ID, c.Version)
		case k < 7: // consent flips
			c, ok := h.fake.Candidate(cid(rng.IntN(40)))
			if !ok {
				continue
			}
			c.Version++
			c.Consent.Matching = !c.Consent.Matching
			h.fake.PutCandidate(c)
			h.publish(t, h.candidates, feed.EventConsentChanged, c.ID, c.Version)
		case k < 8: // erasure
			c, ok := h.fake.Candidate(cid(rng.IntN(40)))
			if !ok {
				continue
			}
			h.fake.Erase(c.ID)
			erased[c.ID] = true
			h.publish(t, h.candidates, feed.EventCandidateErased, c.ID, c.Version+1)
		default: // a role changes status
			i := rng.IntN(12)
			r, ok := h.fake.Role(rid(i))
			if !ok {
				r = ownerstest.NewRole(rid(i), i)
			} else {
				r.Version++
			}
			r.Status = []api.RoleStatus{api.RoleStatusOpen, api.RoleStatusPaused, api.RoleStatusClosed, api.RoleStatusOpen}[rng.IntN(4)]
			h.fake.PutRole(r)
			h.publish(t, h.roles, feed.EventRoleChanged, r.ID, r.Version)
		}
		published++
	}
	eventually(t, "both instances caught up", func() bool { return h.caughtUp(t) })
	want := h.fakeVersions()
	for name, in := range map[string]*instance{"a": a, "b": b} {
		cands, roles := in.feed.Versions()
		got := maps.Collect(maps.All(cands))
		maps.Copy(got, roles)
		if !maps.Equal(got, want) {
			t.Errorf("instance %s versions differ from the owners:\n got %v\nwant %v", name, got, want)
		}
	}
	ca, ra := a.index.Versions()
	cb, rb := b.index.Versions()
	if !maps.Equal(ca, cb) || !maps.Equal(ra, rb) {
		t.Errorf("the two indexes differ")
	}
	ta, badA := a.results.totals()
	tb, badB := b.results.totals()
	if ta+tb != published || len(badA)+len(badB) > 0 {
		t.Errorf("Results called %d+%d times for %d events; out of order: %v %v", ta, tb, published, badA, badB)
	}
	if ta == 0 || tb == 0 {
		t.Logf("one instance took every shared event (%d, %d)", ta, tb)
	}
	status, err := a.feed.StreamStatus(context.Background())
	if err != nil || len(status) != 4 {
		t.Fatalf("stream status %v, %v; want own and shared group on both streams", status, err)
	}
	for _, s := range status {
		if s.Lag != 0 || s.Pending != 0 {
			t.Errorf("stream status %+v after catching up", s)
		}
	}
}

// fakeVersions are the versions of everything the owners hold.
func (h *harness) fakeVersions() map[string]int64 {
	var ids []string
	for i := range 100 {
		ids = append(ids, cid(i), rid(i))
	}
	return h.ownerVersions(ids...)
}

// TestStreamStatusAfterRedisEmptiedIsUnavailable: right after Redis
// restarted empty the streams and their groups are gone until the feed
// recreates them; the status says "unavailable" (a 503) instead of failing
// with Redis's "no such key" (which answered 500).
func TestStreamStatusAfterRedisEmptiedIsUnavailable(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	a := h.start(t, "a", time.Hour)
	a.waitReady(t)
	a.stop()
	h.rdb.Del(context.Background(), h.candidates, h.roles)
	_, err := a.feed.StreamStatus(context.Background())
	if !errors.Is(err, errs.Unavailable) {
		t.Fatalf("stream status with the streams gone: %v, want errs.Unavailable", err)
	}
}
