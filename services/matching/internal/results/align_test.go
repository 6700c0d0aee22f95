package results_test

import (
	"context"
	"errors"
	"maps"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// memberCountingStore counts the reads of every stored list's members,
// which on FerretDB v1 decode every list.
type memberCountingStore struct {
	*memStore
	reads atomic.Int32
}

func (s *memberCountingStore) ShortlistMembers(ctx context.Context) ([]results.ListMembers, error) {
	s.reads.Add(1)
	return s.memStore.ShortlistMembers(ctx)
}

// TestAlignTakesOutWhatTheIndexLostWithoutRereadingEveryList: a
// candidate the index lost without an event (a withdrawal of consent just
// before a restart) leaves every shortlist and loses their suggestions at
// the next Align, and Align, which runs after every reconciliation, reads
// the members of every stored list at most once, not at each round.
func TestAlignTakesOutWhatTheIndexLostWithoutRereadingEveryList(t *testing.T) {
	ctx := context.Background()
	ix := engine.NewIndex(skills.Default())
	w := newWorld(3)
	for i := range 60 {
		ix.UpsertCandidate(w.candidate(i, 1))
	}
	for j := range 6 {
		ix.UpsertRole(w.role(j, 1))
	}
	store := &memberCountingStore{memStore: newMemStore()}
	res := newResults(t, ix, store, nil)
	if err := res.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	shortlists, _ := res.Memberships()
	var lost string
	for _, role := range slices.Sorted(maps.Keys(shortlists)) {
		if len(shortlists[role]) > 0 {
			lost = shortlists[role][0]
			break
		}
	}
	if lost == "" {
		t.Fatal("no shortlist holds anyone; the world is too sparse")
	}
	ix.RemoveCandidate(lost)

	for round := range 3 {
		n, err := res.Align(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if round == 0 && n == 0 {
			t.Fatalf("Align corrected nothing though %s left the index", lost)
		}
		if round > 0 && n != 0 {
			t.Errorf("round %d corrected %d lists the index agrees with", round, n)
		}
	}
	if held, _ := store.ShortlistsWith(ctx, lost); len(held) > 0 {
		t.Errorf("%s is still on the shortlists of %v", lost, held)
	}
	if _, err := store.Suggestions(ctx, lost); !errors.Is(err, errs.NotFound) {
		t.Errorf("%s still has suggestions: %v", lost, err)
	}
	if reads := store.reads.Load(); reads > 1 {
		t.Errorf("three Aligns read every stored list %d times, want at most once", reads)
	}
}
