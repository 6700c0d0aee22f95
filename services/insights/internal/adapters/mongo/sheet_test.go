package mongo

import (
	"context"
	"testing"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// TestScopeSheetHoldsTheScopeCounts: the sheet a report reads holds the
// same counts as ScopeCounts, the erased candidate's share from the
// anonymous totals included, for an organisation and for the platform.
func TestScopeSheetHoldsTheScopeCounts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	a, b := progress("a", "org-1", "released"), progress("b", "org-1", "probation")
	if err := s.Commit(ctx, 1, []service.Change{changeTo(a, nil), changeTo(b, nil)}); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(ctx, 1, []service.Change{erasureOf("b", stored(t, s, "b")["b"])}); err != nil {
		t.Fatal(err)
	}
	from, to := domain.MonthOf(day("2025-03-01")), domain.MonthOf(day("2025-09-01"))
	for _, scope := range []string{"org-1", domain.PlatformScope} {
		want, err := s.ScopeCounts(ctx, scope, from, to)
		if err != nil {
			t.Fatal(err)
		}
		sheet, err := s.ScopeSheet(ctx, scope, from, to)
		if err != nil {
			t.Fatal(err)
		}
		if len(want.Cells) == 0 || len(want.Days) == 0 {
			t.Fatalf("%s: no counts to compare", scope)
		}
		if sheet.Scope != scope || sheet.From != from || sheet.To != to {
			t.Errorf("%s: sheet covers %s from %s to %s", scope, sheet.Scope, sheet.From, sheet.To)
		}
		sameCounts(t, scope+" sheet", sheet.Counts(), want)
	}
}
