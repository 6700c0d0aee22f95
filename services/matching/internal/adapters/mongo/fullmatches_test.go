package mongo

import (
	"reflect"
	"testing"

	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// TestFullMatchesRecord: a list's record of full matches round-trips, is
// kept apart per kind of list, and outlives the list's deletion.
func TestFullMatchesRecord(t *testing.T) {
	t.Parallel()
	s, ctx := newStore(t)
	if _, found, err := s.FullMatches(ctx, results.ShortlistKind, "r1"); err != nil || found {
		t.Fatalf("a list never recorded: found %v, %v", found, err)
	}
	want := results.FullMatches{Members: []string{"c1", "c2"}, Version: 3}
	if err := s.SaveFullMatches(ctx, results.ShortlistKind, "r1", want); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveShortlist(ctx, shortlist("r1", "e1", 0, 2)); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteShortlist(ctx, "r1"); err != nil {
		t.Fatal(err)
	}
	got, found, err := s.FullMatches(ctx, results.ShortlistKind, "r1")
	if err != nil || !found || !reflect.DeepEqual(got, want) {
		t.Fatalf("record after the list's deletion: %+v %v %v, want %+v", got, found, err, want)
	}
	if _, found, _ := s.FullMatches(ctx, results.SuggestionsKind, "r1"); found {
		t.Fatal("a shortlist's record read as a candidate's")
	}
	if err := s.SaveFullMatches(ctx, results.SuggestionsKind, "c1", results.FullMatches{Version: 1}); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := s.FullMatches(ctx, results.SuggestionsKind, "c1"); len(got.Members) != 0 || got.Version != 1 {
		t.Fatalf("an emptied record: %+v", got)
	}
}
