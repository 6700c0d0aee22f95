package domain

import (
	"cmp"
	"time"
)

// Milestones is when a candidate first reached each step, as of a time.
// A zero time means not reached (yet). For the retention steps At holds
// day N's date only when the state is Working; Retention holds the state
// and RetentionDue day N's date whenever it has come.
type Milestones struct {
	// At is the first time of each step.
	At [StepCount]time.Time
	// Retention is the state of the first hire at each of RetentionDays.
	Retention [len(RetentionDays)]Retention
	// RetentionDue is when each of RetentionDays came, zero when NotDue.
	RetentionDue [len(RetentionDays)]time.Time
}

// Reach is a measure reached at a time: the time decides the month of
// the activity view.
type Reach struct {
	// Measure is what was reached.
	Measure Measure
	// At is when; for retention states, the day N's date.
	At time.Time
}

// MilestonesOf returns when the candidate first reached each step as of
// asOf, from the owners' times only (docs/insights.md, "What is counted,
// and when"). A time after asOf is not reached yet.
func MilestonesOf(p Progress, asOf time.Time) Milestones {
	m := introductionMilestones(p.Introductions, asOf, nil)
	if p.CreatedAt.IsZero() || p.CreatedAt.After(asOf) {
		return Milestones{} // not registered yet: nothing at all
	}
	m.At[Registered] = p.CreatedAt
	m.At[Consenting] = known(p.ConsentFirstGivenAt, asOf)
	m.At[Shortlisted] = known(p.FirstShortlistedAt, asOf)
	return m
}

// Reached lists every measure reached, in the order of the measures.
func (m Milestones) Reached() []Reach {
	var out []Reach
	for s := Registered; s < Working30; s++ {
		if !m.At[s].IsZero() {
			out = append(out, Reach{MeasureOf(s), m.At[s]})
		}
	}
	for i, r := range m.Retention {
		if ms, ok := r.measure(i); ok {
			out = append(out, Reach{ms, m.RetentionDue[i]})
		}
	}
	return out
}

// keepFunc selects the introductions of a group. request is true when
// asked for the steps of a request (asked, accepted, met) and false for
// those of a hire (hired and retention), since the contract kind of a
// request is the role's and that of a hire the placement's.
type keepFunc func(in *IntroductionFacts, request bool) bool

// introductionMilestones returns the steps from asked on over the
// introductions keep selects (all of them when keep is nil). Retention is
// that of the first hire, the one counted at hired.
func introductionMilestones(intros []IntroductionFacts, asOf time.Time, keep keepFunc) Milestones {
	var m Milestones
	var first *IntroductionFacts
	for i := range intros {
		in := &intros[i]
		if keep == nil || keep(in, true) {
			m.At[Asked] = earliest(m.At[Asked], known(in.RequestedAt, asOf))
			if a := in.Answer; a != nil && a.Accepted {
				m.At[Accepted] = earliest(m.At[Accepted], known(a.AnsweredAt, asOf))
			}
			if o := in.Outcome; o != nil && (o.Kind == OutcomeHired || o.Kind == OutcomeNotHired) {
				m.At[Met] = earliest(m.At[Met], known(o.RecordedAt, asOf))
			}
		}
		pl := in.Placement
		if pl == nil || known(pl.RecordedAt, asOf).IsZero() || (keep != nil && !keep(in, false)) {
			continue
		}
		if first == nil || cmp.Or(pl.RecordedAt.Compare(first.Placement.RecordedAt), cmp.Compare(in.ID, first.ID)) < 0 {
			first = in
		}
	}
	if first == nil {
		return m
	}
	m.At[Hired] = first.Placement.RecordedAt
	for i, day := range RetentionDays {
		m.Retention[i] = RetentionOf(*first.Placement, first.FollowUps, day, asOf)
		if m.Retention[i] != NotDue {
			m.RetentionDue[i] = DayDue(first.Placement.StartDate, day)
		}
		if m.Retention[i] == Working {
			m.At[Working30+Step(i)] = m.RetentionDue[i]
		}
	}
	return m
}

// known returns t when it is set and not after asOf, else zero.
func known(t, asOf time.Time) time.Time {
	if t.After(asOf) {
		return time.Time{}
	}
	return t
}

// earliest returns the earlier of two times, a zero time being none.
func earliest(a, b time.Time) time.Time {
	if a.IsZero() || (!b.IsZero() && b.Before(a)) {
		return b
	}
	return a
}
