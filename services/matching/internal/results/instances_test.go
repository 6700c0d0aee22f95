package results_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// TestTwoInstancesEqualRecompute runs two Results over one store, as two
// service instances share one database: every change goes through one of
// them at random, as the shared consumer group hands it out, and each
// rewrites suggestions from its own queue. An instance refreshes its
// membership after the other one wrote (what MATCHING_MEMBERSHIP_REFRESH
// does periodically) and re-reads cut-offs older than its CutoffTTL. At
// the end both queues are flushed and every stored list must equal a
// recomputation from scratch, and each instance's membership the store's.
func TestTwoInstancesEqualRecompute(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tax := skills.Default()
	ix := engine.NewIndex(tax)
	store := newMemStore()
	// The clock moves a second per change; cut-offs are trusted for half
	// of one, as instances sharing the work trust them for a few seconds.
	var tick atomic.Int64
	clk := func() time.Time { return now.Add(time.Duration(tick.Load()) * time.Second) }
	var inst [2]*results.Results
	for i := range inst {
		r, err := results.New(results.Deps{Index: ix, Store: store, Programmes: programmes{}, RefKey: refKey,
			Now: clk, CutoffTTL: 500 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		inst[i] = r
	}
	w := newWorld(11)
	nc, nr := 110, 24
	candVersion, roleVersion := map[int]int64{}, map[int]int64{}
	for i := range nc {
		candVersion[i] = 1
		ix.UpsertCandidate(w.candidate(i, 1))
	}
	for j := range nr {
		roleVersion[j] = 1
		ix.UpsertRole(w.role(j, 1))
	}
	if err := inst[0].Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	// stale[i] says the other instance wrote since instance i refreshed.
	stale := [2]bool{false, true}
	for step := range 300 {
		tick.Add(1)
		k := w.rnd.IntN(2)
		res := inst[k]
		if stale[k] {
			if err := res.RefreshMembership(ctx); err != nil {
				t.Fatal(err)
			}
			stale[k] = false
		}
		var err error
		switch op := w.rnd.IntN(100); {
		case op < 55:
			i := w.rnd.IntN(nc + nc/8)
			candVersion[i]++
			c := w.candidate(i, candVersion[i])
			c.Consent = op%10 != 0
			ix.UpsertCandidate(c)
			err = res.CandidateChanged(ctx, c.ID)
			checkPlaces(t, step, ix, store, c.ID)
		case op < 60:
			id := fmt.Sprintf("cand-%04d", w.rnd.IntN(nc+nc/8))
			ix.RemoveCandidate(id)
			err = res.CandidateRemoved(ctx, id)
			checkPlaces(t, step, ix, store, id)
		case op < 85:
			j := w.rnd.IntN(nr + nr/8)
			roleVersion[j]++
			r := w.role(j, roleVersion[j])
			r.Open = op%8 != 0
			ix.UpsertRole(r)
			err = res.RoleChanged(ctx, r.ID)
		default:
			id := fmt.Sprintf("role-%03d", w.rnd.IntN(nr+nr/8))
			ix.RemoveRole(id)
			err = res.RoleRemoved(ctx, id)
		}
		if err == nil && w.rnd.IntN(3) == 0 {
			err = res.FlushSuggestions(ctx)
		}
		if err != nil {
			t.Fatalf("step %d on instance %d: %v", step, k, err)
		}
		stale[1-k] = true
	}
	tick.Add(1)
	for round := range 2 {
		for k, res := range inst {
			if err := res.RefreshMembership(ctx); err != nil {
				t.Fatal(err)
			}
			if err := res.FlushSuggestions(ctx); err != nil {
				t.Fatalf("round %d, instance %d: %v", round, k, err)
			}
		}
	}
	compareWithScratch(t, ix, tax, store)
	short, _ := store.ShortlistMembers(ctx)
	sugg, _ := store.SuggestionMembers(ctx)
	for k, res := range inst {
		if err := res.RefreshMembership(ctx); err != nil {
			t.Fatal(err)
		}
		gotShort, gotSugg := res.Memberships()
		if !reflect.DeepEqual(gotShort, byID(short)) || !reflect.DeepEqual(gotSugg, byID(sugg)) {
			t.Errorf("instance %d: membership differs from the store's", k)
		}
	}
}

func byID(lists []results.ListMembers) map[string][]string {
	out := make(map[string][]string, len(lists))
	for _, l := range lists {
		out[l.ID] = l.Members
	}
	return out
}

// checkPlaces holds a candidate change to its result: the candidate is in
// exactly the stored shortlists whose top 100 in the index hold it.
func checkPlaces(t *testing.T, step int, ix *engine.Index, store *memStore, candidateID string) {
	t.Helper()
	ctx := context.Background()
	in, _ := store.ShortlistsWith(ctx, candidateID)
	var want []string
	roles, _ := store.ShortlistRoles(ctx)
	for _, role := range roles {
		for _, e := range ix.Shortlist(role, results.ShortlistSize, results.DayOf(now)) {
			if e.ID == candidateID {
				want = append(want, role)
			}
		}
	}
	if !slices.Equal(in, want) {
		t.Errorf("step %d: %s is in the stored shortlists %v, belongs in %v", step, candidateID, in, want)
	}
}
