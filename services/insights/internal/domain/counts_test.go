package domain

import (
	"testing"
	"time"
)

// TestCountsApplyAndWithin checks that applying two candidates' deltas
// sums them, that taking one back drops the keys it alone held, and that
// Within keeps one scope's months only.
func TestCountsApplyAndWithin(t *testing.T) {
	march := time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)
	a := Progress{CandidateID: "c1", OrganisationID: "org-a", CreatedAt: march}
	b := Progress{CandidateID: "c2", OrganisationID: "org-b", CreatedAt: march.AddDate(0, 1, 0)}
	asOf := march.AddDate(1, 0, 0)
	c := NewCounts()
	c.Apply(ContributionsOf(a, asOf).Counts())
	c.Apply(ContributionsOf(b, asOf).Counts())
	total := Key{Scope: PlatformScope, View: Cohort, Month: MonthOf(march), Dimension: All, Group: AllGroup, Measure: MeasureOf(Registered)}
	if c.Cells[total] != 1 {
		t.Fatalf("platform registrations in March = %d, want 1", c.Cells[total])
	}
	onlyA := Key{Scope: "org-a", View: Cohort, Month: MonthOf(march), Dimension: All, Group: AllGroup, Measure: MeasureOf(Registered)}
	if got := c.Within("org-a", MonthOf(march), MonthOf(march)); got.Cells[onlyA] != 1 || len(got.Cells) == len(c.Cells) {
		t.Fatalf("Within(org-a, March) = %d cells, org-a's registration %d", len(got.Cells), got.Cells[onlyA])
	}
	if got := c.Within(PlatformScope, MonthOf(march)+1, MonthOf(march)+1); got.Cells[total] != 0 || len(got.Cells) == 0 {
		t.Fatalf("Within(platform, April) holds March's count or nothing: %d cells", len(got.Cells))
	}
	_, back := Erase(ContributionsOf(a, asOf))
	for k, n := range back.Cells {
		back.Cells[k] = -n
	}
	c.Apply(Delta{Cells: back.Cells})
	if _, ok := c.Cells[onlyA]; ok {
		t.Fatal("taking org-a's only candidate back left its cell in the counts")
	}
}
