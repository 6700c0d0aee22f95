package results_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// TestRecomputeOutdated: lists the store reports as written in an earlier
// layout of the explanation are recomputed, the shortlists at once and the
// suggestions by the background worker, and equal a recomputation from
// scratch afterwards; lists that are current are not written.
func TestRecomputeOutdated(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ix := engine.NewIndex(skills.Default())
	w := newWorld(7)
	for i := range 60 {
		ix.UpsertCandidate(w.candidate(i, 1))
	}
	for j := range 12 {
		ix.UpsertRole(w.role(j, 1))
	}
	mem := newMemStore()
	store := &recordingStore{Store: mem, written: map[string]bool{}}
	res := newResults(t, ix, store, nil)
	if err := res.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	roles, _ := mem.ShortlistRoles(ctx)
	cands, _ := mem.SuggestionCandidates(ctx)
	if len(roles) < 2 || len(cands) < 2 {
		t.Fatalf("the world holds %d shortlists and %d suggestion lists; the test needs two of each", len(roles), len(cands))
	}
	// Two lists of each kind lose their explanations, as a list of the
	// earlier layout would read without names, and are marked outdated.
	for _, id := range roles[:2] {
		sl, _ := mem.Shortlist(ctx, id)
		for i := range sl.Entries {
			sl.Entries[i].Explanation = results.Explanation{}
		}
		_ = mem.SaveShortlist(ctx, sl)
		mem.outdated["s/"+id] = true
	}
	for _, id := range cands[:2] {
		sg, _ := mem.Suggestions(ctx, id)
		for i := range sg.Entries {
			sg.Entries[i].Explanation = results.Explanation{}
		}
		_ = mem.SaveSuggestions(ctx, sg)
		mem.outdated["g/"+id] = true
	}
	store.take()
	n, err := res.RecomputeOutdated(ctx)
	if err != nil || n != 4 {
		t.Fatalf("RecomputeOutdated: %d lists, %v; want 4", n, err)
	}
	if err := res.FlushSuggestions(ctx); err != nil {
		t.Fatal(err)
	}
	if written := store.take(); !reflect.DeepEqual(written, map[string]bool{roles[0]: true, roles[1]: true}) {
		t.Fatalf("shortlists written %v, want only the outdated %v", written, roles[:2])
	}
	if r, c, _ := mem.OutdatedLists(ctx); len(r)+len(c) != 0 {
		t.Fatalf("still outdated: %v %v", r, c)
	}
	compareWithScratch(t, ix, skills.Default(), mem)
}
