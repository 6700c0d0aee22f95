package results_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/redislock"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/pkg/testkit"
	mongoadapter "github.com/onward-jobs/onward/services/matching/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// TestIncrementalEqualsRecomputeInMemory applies 1,000 random changes
// through the port and then holds every stored list to a recomputation
// from scratch. The store is in memory, so the test is about the logic.
func TestIncrementalEqualsRecomputeInMemory(t *testing.T) {
	t.Parallel()
	runRandomChanges(t, newMemStore(), nil, worldSize{candidates: 130, roles: 60, changes: 1000})
}

// TestIncrementalEqualsRecomputeOnMongo is the same on the real Mongo-wire
// server, with the Redis locks several instances would share.
func TestIncrementalEqualsRecomputeOnMongo(t *testing.T) {
	if testing.Short() {
		t.Skip("minutes on FerretDB; the in-memory run covers the logic")
	}
	t.Parallel()
	ctx := context.Background()
	store, err := mongoadapter.NewStore(ctx, testkit.MongoDB(t))
	if err != nil {
		t.Fatal(err)
	}
	locks := redislock.Locks{Redis: testkit.Redis(t), Prefix: testkit.UniqueName(t, "lock") + ":", TTL: 10 * time.Second, Wait: 10 * time.Second}
	runRandomChanges(t, store, locks, worldSize{candidates: 110, roles: 10, changes: 80})
}

// worldSize is how many candidates and roles a run starts with and how
// many changes it applies.
type worldSize struct{ candidates, roles, changes int }

// recordingStore notes which shortlists are written and counts writes.
type recordingStore struct {
	results.Store
	mu      sync.Mutex
	written map[string]bool
	writes  int
}

func (s *recordingStore) SaveSuggestions(ctx context.Context, sg results.Suggestions) error {
	s.mu.Lock()
	s.writes++
	s.mu.Unlock()
	return s.Store.SaveSuggestions(ctx, sg)
}

func (s *recordingStore) SaveShortlist(ctx context.Context, sl results.Shortlist) error {
	s.mu.Lock()
	s.written[sl.RoleID] = true
	s.writes++
	s.mu.Unlock()
	return s.Store.SaveShortlist(ctx, sl)
}

func (s *recordingStore) take() map[string]bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := s.written
	s.written = map[string]bool{}
	return w
}

// runRandomChanges starts from a dense world of 300 candidates and 70
// roles around one town, applies n random changes (role and candidate
// upserts, closures, withdrawals, placements, erasures, removals) to the index and
// then through the port, and compares. Every candidate change must
// rewrite exactly the shortlists the candidate was in or is in after it.
func runRandomChanges(t *testing.T, base results.Store, locks results.Locker, size worldSize) {
	ctx := context.Background()
	tax := skills.Default()
	ix := engine.NewIndex(tax)
	store := &recordingStore{Store: base, written: map[string]bool{}}
	heard := &gainLog{}
	res, err := results.New(results.Deps{Index: ix, Store: store, Programmes: programmes{}, RefKey: refKey,
		Locks: locks, Now: clock, Announcer: heard})
	if err != nil {
		t.Fatal(err)
	}
	w := newWorld(42)
	candVersion, roleVersion := map[int]int64{}, map[int]int64{}
	nc, nr := size.candidates, size.roles
	for i := range nc {
		candVersion[i] = 1
		ix.UpsertCandidate(w.candidate(i, 1))
	}
	for j := range nr {
		roleVersion[j] = 1
		ix.UpsertRole(w.role(j, 1))
	}
	if err := res.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	store.take()
	full := 0
	for step := range size.changes {
		op := w.rnd.IntN(100)
		var err error
		switch {
		case op < 35: // a candidate registers or changes
			i := w.rnd.IntN(nc + nc/8)
			candVersion[i]++
			ix.UpsertCandidate(w.candidate(i, candVersion[i]))
			before, _ := store.ShortlistsWith(ctx, fmt.Sprintf("cand-%04d", i))
			store.take()
			err = res.CandidateChanged(ctx, fmt.Sprintf("cand-%04d", i))
			after, _ := store.ShortlistsWith(ctx, fmt.Sprintf("cand-%04d", i))
			checkTouched(t, step, store.take(), before, after)
		case op < 45: // consent withdrawn, or placed and not still looking
			i := w.rnd.IntN(nc + nc/8)
			candVersion[i]++
			c := w.candidate(i, candVersion[i])
			if op < 40 {
				c.Consent = false
			} else {
				c.Unavailable = true
			}
			ix.UpsertCandidate(c)
			if op%2 == 0 {
				err = res.CandidateRemoved(ctx, c.ID)
			} else {
				err = res.CandidateChanged(ctx, c.ID)
			}
		case op < 50: // erased
			id := fmt.Sprintf("cand-%04d", w.rnd.IntN(nc+nc/8))
			ix.RemoveCandidate(id)
			err = res.CandidateRemoved(ctx, id)
		case op < 80: // a role opens or changes
			j := w.rnd.IntN(nr + nr/8)
			roleVersion[j]++
			ix.UpsertRole(w.role(j, roleVersion[j]))
			err = res.RoleChanged(ctx, fmt.Sprintf("role-%03d", j))
		case op < 90: // a role closes
			j := w.rnd.IntN(nr + nr/8)
			roleVersion[j]++
			r := w.role(j, roleVersion[j])
			r.Open = false
			ix.UpsertRole(r)
			err = res.RoleChanged(ctx, r.ID)
		default: // a role is removed
			id := fmt.Sprintf("role-%03d", w.rnd.IntN(nr+nr/8))
			ix.RemoveRole(id)
			err = res.RoleRemoved(ctx, id)
		}
		if err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		if len(ix.Shortlist("role-000", 101, w.today)) > 100 {
			full++
		}
	}
	// Role changes queue the suggestions they touch; the service's
	// background worker rewrites them within seconds.
	if err := res.FlushSuggestions(ctx); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d changes wrote %d lists", size.changes, store.writes)
	if full == 0 {
		t.Fatalf("no shortlist ever had more than 100 candidates: the cut-offs were never tested")
	}
	compareWithScratch(t, ix, tax, base)
	checkFullRecords(t, ix, heard, base)
}

// checkTouched holds a candidate change to the shortlists it was in or is
// in now: no other shortlist may be rewritten, and none of those skipped.
func checkTouched(t *testing.T, step int, written map[string]bool, before, after []string) {
	t.Helper()
	want := map[string]bool{}
	for _, id := range append(before, after...) {
		want[id] = true
	}
	if !reflect.DeepEqual(written, want) && !(len(written) == 0 && len(want) == 0) {
		t.Errorf("step %d: candidate change rewrote %v, want exactly the shortlists it was or is in %v", step, keys(written), keys(want))
	}
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func newResults(t *testing.T, ix *engine.Index, store results.Store, locks results.Locker) *results.Results {
	t.Helper()
	res, err := results.New(results.Deps{Index: ix, Store: store, Programmes: programmes{}, RefKey: refKey, Locks: locks, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// compareWithScratch recomputes every list from scratch into a fresh
// store and requires the stored lists to equal it: the same lists, and in
// each the same entries in the same order with the same scores, cards and
// explanations. Each shortlist is also checked against the engine's
// brute-force reference.
func compareWithScratch(t *testing.T, ix *engine.Index, tax *skills.Taxonomy, got results.Store) {
	t.Helper()
	ctx := context.Background()
	scratch := newMemStore()
	if err := newResults(t, ix, scratch, nil).Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	gotRoles, _ := got.ShortlistRoles(ctx)
	wantRoles, _ := scratch.ShortlistRoles(ctx)
	if !slices.Equal(gotRoles, wantRoles) {
		t.Fatalf("stored shortlists for %v, recomputation has %v", gotRoles, wantRoles)
	}
	var cands []engine.Candidate
	candIDs, _ := ix.Versions()
	for id := range candIDs {
		c, _ := ix.Candidate(id)
		cands = append(cands, c)
	}
	today := results.DayOf(now)
	for _, id := range gotRoles {
		g, _ := got.Shortlist(ctx, id)
		w, _ := scratch.Shortlist(ctx, id)
		g.ComputedAt, w.ComputedAt = time.Time{}, time.Time{}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("shortlist %s: stored %v, recomputed %v", id, shortIDs(g), shortIDs(w))
		}
		role, _ := ix.Role(id)
		ref := engine.ReferenceShortlist(cands, role, tax, results.ShortlistSize, today)
		if fmt.Sprint(ref) != fmt.Sprint(entriesOf(g)) {
			t.Errorf("shortlist %s differs from the brute-force reference", id)
		}
	}
	gotCands, _ := got.SuggestionCandidates(ctx)
	wantCands, _ := scratch.SuggestionCandidates(ctx)
	if !slices.Equal(gotCands, wantCands) {
		t.Fatalf("stored suggestions for %d candidates, recomputation has %d", len(gotCands), len(wantCands))
	}
	for _, id := range gotCands {
		g, _ := got.Suggestions(ctx, id)
		w, _ := scratch.Suggestions(ctx, id)
		g.ComputedAt, w.ComputedAt = time.Time{}, time.Time{}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("suggestions of %s: stored %d entries, recomputed %d", id, len(g.Entries), len(w.Entries))
		}
	}
}

func entriesOf(s results.Shortlist) []engine.Entry {
	out := make([]engine.Entry, len(s.Entries))
	for i, e := range s.Entries {
		out[i] = engine.Entry{ID: e.CandidateID, Score: e.Score, Match: e.Match}
	}
	return out
}

func shortIDs(s results.Shortlist) []string {
	out := make([]string, 0, len(s.Entries))
	for _, e := range s.Entries {
		out = append(out, fmt.Sprintf("%s:%d", e.CandidateID, e.Score))
	}
	return out
}
