package mongo

import (
	"bytes"
	"context"
	"reflect"
	"testing"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// TestStatementSealedAtRest: a statement's words (text, flags, note) are
// sealed in the stored document and come back as they were; a matching
// view opens only an approved one.
func TestStatementSealedAtRest(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	pending := fullCandidate("c1", "org-a", "K7Q2")
	pending.Statement = &domain.Statement{
		Text: "I roasted coffee for Marek in Kortrijk.", Status: domain.StatementPending, WrittenBy: "u1", WrittenAt: at(2),
		Flags: []domain.StatementFlag{{Kind: domain.FlagName, Text: "Marek", Start: 21, End: 26}, {Kind: domain.FlagPlace, Text: "Kortrijk", Start: 30, End: 38}},
	}
	insert(t, f.Store, pending)
	approved := fullCandidate("c2", "org-a", "B3D4")
	approved.Statement = &domain.Statement{
		Text: "I bake sourdough bread.", Status: domain.StatementApproved, Flags: []domain.StatementFlag{},
		WrittenBy: "u1", WrittenAt: at(2), ReviewedBy: "u2", ReviewedAt: at(3), Note: "Lovely wording",
	}
	insert(t, f.Store, approved)

	docs := rawDocuments(t, f)
	for _, secret := range []string{"roasted coffee", "Marek", "Kortrijk.", "sourdough", "Lovely wording"} {
		for name, raw := range docs {
			if bytes.Contains(raw, []byte(secret)) {
				t.Errorf("%s reveals %q", name, secret)
			}
		}
	}
	for _, want := range []domain.Candidate{pending, approved} {
		got, err := f.Candidate(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Statement, want.Statement) {
			t.Errorf("%s statement = %+v, want %+v", want.ID, got.Statement, want.Statement)
		}
	}
	views, _, err := f.CandidateViews(ctx, mongox.PageRequest{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, v := range views {
		seen[v.ID] = v.Statement
	}
	err = f.EachCandidateView(ctx, func(v domain.MatchingView) error {
		if seen[v.ID] != v.Statement {
			t.Errorf("%s: the one-pass view has %q, the page %q", v.ID, v.Statement, seen[v.ID])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen["c1"] != "" || seen["c2"] != "I bake sourdough bread." {
		t.Errorf("view statements = %v, want only c2's approved one", seen)
	}
}
