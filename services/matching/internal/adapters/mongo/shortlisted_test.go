package mongo

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// TestShortlistingRecord: the first record of a candidate is kept, a
// second insert is no error and changes nothing, every record is listed
// and an erased candidate's record is gone.
func TestShortlistingRecord(t *testing.T) {
	t.Parallel()
	s, ctx := newStore(t)
	first := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	created, err := s.RecordShortlisting(ctx, results.Shortlisting{CandidateID: "c1", FirstAt: first, FirstRoleID: "r1"})
	if err != nil || !created {
		t.Fatalf("first record: created %v, %v", created, err)
	}
	created, err = s.RecordShortlisting(ctx, results.Shortlisting{CandidateID: "c1", FirstAt: first.Add(time.Hour), FirstRoleID: "r2"})
	if err != nil || created {
		t.Fatalf("second record of the same candidate: created %v, %v", created, err)
	}
	got, err := s.Shortlisting(ctx, "c1")
	want := results.Shortlisting{CandidateID: "c1", FirstAt: first, FirstRoleID: "r1"}
	if err != nil || got != want {
		t.Fatalf("record: %+v %v, want %+v", got, err, want)
	}
	if _, err := s.RecordShortlisting(ctx, results.Shortlisting{CandidateID: "c2", FirstAt: first, FirstRoleID: "r2"}); err != nil {
		t.Fatal(err)
	}
	ids, err := s.ShortlistedIDs(ctx)
	slices.Sort(ids)
	if err != nil || !slices.Equal(ids, []string{"c1", "c2"}) {
		t.Fatalf("ids: %v %v", ids, err)
	}
	if err := s.ForgetShortlisting(ctx, "c1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Shortlisting(ctx, "c1"); !errors.Is(err, errs.NotFound) {
		t.Fatalf("an erased candidate's record: %v", err)
	}
	if err := s.ForgetShortlisting(ctx, "c1"); err != nil {
		t.Fatalf("forgetting twice: %v", err)
	}
	var listed []results.Shortlisting
	if err := s.EachShortlisting(ctx, func(sh results.Shortlisting) error { listed = append(listed, sh); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(listed) != 1 || listed[0].CandidateID != "c2" || listed[0].FirstRoleID != "r2" || !listed[0].FirstAt.Equal(first) {
		t.Fatalf("listing: %+v", listed)
	}
}
