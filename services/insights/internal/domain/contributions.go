package domain

import (
	"slices"
	"time"
)

// DayMark is one person in a cell's day histogram: the cell (the cohort
// key of the first shortlist, the first request or the hire) and the
// whole days from registration to it. The cohort cell of the same key is
// the count of the people behind the median.
type DayMark struct {
	// Key is the cohort cell whose people the histogram describes.
	Key Key
	// Days is the whole days from registration, 0 to MaxDays.
	Days int
}

// Contributions is everything one candidate adds 1 to: the cells, the
// day histograms for the medians, and the per-employer table. It is a
// pure function of the candidate's Progress and the time it is read at.
type Contributions struct {
	// Cells are the counts of the funnel and trend tables.
	Cells map[Key]struct{}
	// Days are the day histograms' entries.
	Days map[DayMark]struct{}
	// Employers are the per-employer counts (PlatformScope, Activity,
	// the Employer dimension), kept apart for platform admins.
	Employers map[Key]struct{}
}

// NoContributions returns an empty set, what a candidate not yet known
// contributes.
func NoContributions() Contributions {
	return Contributions{Cells: map[Key]struct{}{}, Days: map[DayMark]struct{}{}, Employers: map[Key]struct{}{}}
}

// medianMeasures are the steps whose days from registration the
// histograms keep.
var medianMeasures = []Measure{MeasureOf(Shortlisted), MeasureOf(Asked), MeasureOf(Hired)}

// ContributionsOf returns the cells the candidate adds 1 to as of asOf.
// Each step the candidate reached counts once in the Cohort view, under
// the registration month, and once in the Activity view, under the month
// it was reached, for the total, for each group of each candidate
// dimension, and in the candidate's organisation scope and the platform
// scope. The role-bound dimensions count from asked on, once for each
// group among the candidate's introductions, each group's steps taken
// from its own introductions only.
func ContributionsOf(p Progress, asOf time.Time) Contributions {
	c := NoContributions()
	m := MilestonesOf(p, asOf)
	if m.At[Registered].IsZero() {
		return c
	}
	org := orUnknown(p.OrganisationID)
	scopes := []string{org, PlatformScope}
	reached := m.Reached()
	for _, g := range candidateGroups(p) {
		c.add(scopes, g.dimension, g.group, reached, p.CreatedAt)
	}
	c.add([]string{PlatformScope}, Organisation, org, reached, p.CreatedAt)
	for _, d := range []Dimension{Contract, Occupation} {
		for _, g := range roleGroups(p.Introductions, d) {
			r := introductionMilestones(p.Introductions, asOf, keepGroup(d, g)).Reached()
			c.add(scopes, d, g, r, p.CreatedAt)
		}
	}
	for _, g := range roleGroups(p.Introductions, Employer) {
		for _, r := range introductionMilestones(p.Introductions, asOf, keepGroup(Employer, g)).Reached() {
			c.Employers[Key{Scope: PlatformScope, View: Activity, Month: MonthOf(r.At),
				Dimension: Employer, Group: g, Measure: r.Measure}] = struct{}{}
		}
	}
	return c
}

// add counts the reached measures in one group of each scope, in both
// views, and the days to the medians' steps in the cohort view.
func (c Contributions) add(scopes []string, d Dimension, group string, reached []Reach, registered time.Time) {
	for _, scope := range scopes {
		for _, r := range reached {
			cohort := Key{Scope: scope, View: Cohort, Month: MonthOf(registered), Dimension: d, Group: group, Measure: r.Measure}
			activity := cohort
			activity.View, activity.Month = Activity, MonthOf(r.At)
			c.Cells[cohort], c.Cells[activity] = struct{}{}, struct{}{}
			if slices.Contains(medianMeasures, r.Measure) {
				c.Days[DayMark{Key: cohort, Days: daysBetween(registered, r.At)}] = struct{}{}
			}
		}
	}
}

// daysBetween returns the whole days from a to b, within 0 to MaxDays as
// a DayHistogram keeps them.
func daysBetween(a, b time.Time) int {
	return min(max(int(b.Sub(a)/(24*time.Hour)), 0), MaxDays)
}

// Len returns how many counts c adds to, all three tables together.
func (c Contributions) Len() int { return len(c.Cells) + len(c.Days) + len(c.Employers) }
