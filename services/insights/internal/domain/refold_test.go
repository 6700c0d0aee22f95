package domain

import (
	"testing"
	"time"
)

// TestRefoldDaysNameEveryRetentionDayAndLateFact checks that a daily pass
// would refold a hired candidate on each of day 30, 90 and 180 still to
// come, and on the day after a fact dated later than the fold.
func TestRefoldDaysNameEveryRetentionDayAndLateFact(t *testing.T) {
	asOf := time.Date(2025, 4, 15, 10, 0, 0, 0, time.UTC)
	start := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	p := Progress{CreatedAt: asOf.Add(-90 * 24 * time.Hour), FirstShortlistedAt: asOf.Add(2 * time.Hour),
		Introductions: []IntroductionFacts{{RequestedAt: asOf.Add(-40 * 24 * time.Hour),
			Placement: &PlacementFacts{RecordedAt: start, StartDate: start}}}}
	got := RefoldDays(p, asOf)
	want := []time.Time{
		time.Date(2025, 4, 16, 0, 0, 0, 0, time.UTC), // the shortlisting dated two hours ahead
		DayDue(start, 90), DayDue(start, 180), // day 30 has passed
	}
	if len(got) != len(want) {
		t.Fatalf("RefoldDays = %v, want %v", got, want)
	}
	for i := range want {
		if !got[i].Equal(want[i]) {
			t.Errorf("day %d = %v, want %v", i, got[i], want[i])
		}
	}
	if d := RefoldDays(Progress{CreatedAt: asOf.Add(-time.Hour)}, asOf); len(d) != 0 {
		t.Errorf("a candidate without placements or late facts has refold days %v", d)
	}
}

// TestNextMidnightKeepsMidnight: a time at midnight is its own day start.
func TestNextMidnightKeepsMidnight(t *testing.T) {
	mid := time.Date(2025, 1, 31, 0, 0, 0, 0, time.UTC)
	if got := NextMidnight(mid); !got.Equal(mid) {
		t.Errorf("NextMidnight(midnight) = %v", got)
	}
	if got := NextMidnight(mid.Add(time.Nanosecond)); !got.Equal(mid.AddDate(0, 0, 1)) {
		t.Errorf("NextMidnight(just after) = %v", got)
	}
}
