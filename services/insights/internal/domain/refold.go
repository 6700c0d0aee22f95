package domain

import (
	"slices"
	"time"
)

// RefoldDays returns the days, each at midnight UTC, after asOf on which
// the candidate's contributions can change although no owner announced
// anything: day 30, 90 and 180 of each placement, and the first midnight
// after any fact the owners dated later than asOf (a clock running behind
// an owner's). A daily pass refolds the candidate on each of them. The
// days are sorted and each appears once.
func RefoldDays(p Progress, asOf time.Time) []time.Time {
	var out []time.Time
	add := func(t time.Time) {
		if t.After(asOf) {
			out = append(out, t)
		}
	}
	later := func(t time.Time) {
		if t.After(asOf) {
			add(NextMidnight(t))
		}
	}
	later(p.CreatedAt)
	later(p.ConsentFirstGivenAt)
	later(p.FirstShortlistedAt)
	for _, in := range p.Introductions {
		later(in.RequestedAt)
		if in.Answer != nil {
			later(in.Answer.AnsweredAt)
		}
		if in.Outcome != nil {
			later(in.Outcome.RecordedAt)
		}
		for _, f := range in.FollowUps {
			later(f.AnsweredAt)
		}
		if pl := in.Placement; pl != nil && !pl.StartDate.IsZero() {
			later(pl.RecordedAt)
			for _, day := range RetentionDays {
				add(DayDue(pl.StartDate, day))
			}
		}
	}
	slices.SortFunc(out, time.Time.Compare)
	return slices.Compact(out)
}

// NextMidnight returns t when it is midnight UTC, else the midnight UTC
// after it: the first day start at which a fact of time t is known.
func NextMidnight(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if day.Equal(t) {
		return day
	}
	return day.AddDate(0, 0, 1)
}
