package domain

import "time"

// DayDue returns when day N of a placement comes: N calendar days after
// its start date, at midnight UTC, as placements sets a follow-up's due
// time.
func DayDue(start time.Time, day int) time.Time {
	y, m, d := start.UTC().Date()
	return time.Date(y, m, d+day, 0, 0, 0, 0, time.UTC)
}

// RetentionOf returns the state of a hire at day N as of asOf, from the
// placement and its follow-ups. Only what was known by asOf counts: an
// answer given later is not yet an answer. Day N has come when asOf is
// at or after DayDue(start, N); before that the hire is NotDue, even if it
// already ended or a side already answered. After that:
//   - an end before day N (EndedOn earlier than day N's date), or any
//     side's answer "not working" for day N, makes it NotWorking: two
//     sides that disagree count as not working, since a report must not
//     round up;
//   - otherwise an answer "still working" for day N makes it Working;
//   - otherwise, nobody having answered, it is RetentionUnknown.
func RetentionOf(pl PlacementFacts, followUps []FollowUpFacts, day int, asOf time.Time) Retention {
	if pl.StartDate.IsZero() || pl.RecordedAt.After(asOf) {
		return NotDue
	}
	due := DayDue(pl.StartDate, day)
	if asOf.Before(due) {
		return NotDue
	}
	if !pl.EndedOn.IsZero() && pl.EndedOn.Before(due) {
		return NotWorking
	}
	state := RetentionUnknown
	for _, f := range followUps {
		if f.Day != day || f.StillWorking == nil || f.AnsweredAt.After(asOf) {
			continue
		}
		if !*f.StillWorking {
			return NotWorking
		}
		state = Working
	}
	return state
}
