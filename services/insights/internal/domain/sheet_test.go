package domain

import (
	"maps"
	"testing"
	"time"
)

// TestSheetHoldsTheCountsOfItsScopeAndMonths: a sheet gathered from
// counts holds exactly their counts of its scope and months, adds up
// counts added twice (the living and the anonymous), and leaves out
// those that come to zero.
func TestSheetHoldsTheCountsOfItsScopeAndMonths(t *testing.T) {
	march := time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)
	asOf := march.AddDate(1, 0, 0)
	c := NewCounts()
	for i, p := range []Progress{walked(t),
		{CandidateID: "c1", OrganisationID: "org-a", CreatedAt: march},
		{CandidateID: "c2", OrganisationID: "org-b", CreatedAt: march.AddDate(0, 1, 0)},
		{CandidateID: "c3", OrganisationID: "org-a", CreatedAt: march.AddDate(0, 2, 0)}} {
		if i == 0 {
			p.OrganisationID = "org-a"
		}
		c.Apply(ContributionsOf(p, asOf).Counts())
	}
	from, to := MonthOf(march)-2, MonthOf(march)+1 // January to April: c3 (May) left out
	for _, scope := range []string{PlatformScope, "org-a", "org-c"} {
		want := c.Within(scope, from, to)
		s := SheetOf(c, scope, from, to)
		got := s.Counts()
		if !maps.Equal(got.Cells, want.Cells) || !maps.Equal(got.Days, want.Days) || !maps.Equal(got.Employers, want.Employers) {
			t.Errorf("%s: sheet holds %d cells, %d day marks, %d employer counts; want %d, %d, %d", scope,
				len(got.Cells), len(got.Days), len(got.Employers), len(want.Cells), len(want.Days), len(want.Employers))
		}
		if s.Keys() != len(want.Cells)+len(want.Days)+len(want.Employers) {
			t.Errorf("%s: Keys() = %d, want %d", scope, s.Keys(), len(want.Cells)+len(want.Days)+len(want.Employers))
		}
	}
	if len(c.Within(PlatformScope, from, to).Days) == 0 || len(c.Within(PlatformScope, from, to).Employers) == 0 {
		t.Fatal("the population has no day marks or no employer counts to check")
	}

	b := NewSheetBuilder("org-a", from, to)
	k := Key{Scope: "org-a", View: Cohort, Month: from, Dimension: All, Group: AllGroup, Measure: MeasureOf(Hired)}
	b.AddCell(k, 2)
	b.AddCell(k, 3)
	b.AddDays(DayMark{Key: k, Days: 40}, 2)
	b.AddDays(DayMark{Key: k, Days: 40}, 1)
	b.AddDays(DayMark{Key: k, Days: 10}, 1)
	b.AddDays(DayMark{Key: k, Days: 10}, -1)
	b.AddCell(Key{Scope: "org-b", View: Cohort, Month: from, Dimension: All, Group: AllGroup}, 7)
	b.AddCell(Key{Scope: "org-a", View: Cohort, Month: to + 1, Dimension: All, Group: AllGroup}, 7)
	got := b.Sheet().Counts()
	if len(got.Cells) != 1 || got.Cells[k] != 5 {
		t.Errorf("cells = %v, want %s = 5 only", got.Cells, k)
	}
	if len(got.Days) != 1 || got.Days[DayMark{Key: k, Days: 40}] != 3 {
		t.Errorf("day marks = %v, want 40 days = 3 only", got.Days)
	}
}
