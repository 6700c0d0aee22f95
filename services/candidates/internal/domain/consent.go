package domain

import (
	"slices"
	"time"
)

// Record returns the consent after a new decision: whether the candidate
// consents to matching, under which text, recorded by whom and when. The
// decision replaces the previous one, except FirstGivenAt: the first
// recording that gives consent sets it, and nothing later moves it, so a
// withdrawal followed by a new consent keeps the first time.
func (c Consent) Record(matching bool, textVersion, by string, byCandidate bool, at time.Time) Consent {
	next := Consent{Matching: matching, TextVersion: textVersion, RecordedBy: by, ByCandidate: byCandidate, RecordedAt: at, FirstGivenAt: c.FirstGivenAt}
	if matching && next.FirstGivenAt.IsZero() {
		next.FirstGivenAt = at
	}
	return next
}

// ReconstructFirstGiven estimates FirstGivenAt for a record stored before
// the field existed, from the current consent and the times of every
// consent entry of the candidate's audit log (in any order). It returns
// zero when nothing shows that consent was ever given.
//
// Audit entries name the change ("consent"), never the decision, so which
// entry gave consent is inferred: a record starts withheld and the web app
// offers withdrawal only while consent is given, so the earliest consent
// entry is taken as the first consent when consent is given now, or when
// later entries followed it (a withdrawal follows a consent). A single
// entry on a record withheld now recorded that refusal: never given. With
// consent given now but no entry found (the log was not kept), the current
// recording's time is the earliest time known.
func ReconstructFirstGiven(current Consent, entries []time.Time) time.Time {
	if len(entries) == 0 {
		if current.Matching {
			return current.RecordedAt
		}
		return time.Time{}
	}
	if !current.Matching && len(entries) < 2 {
		return time.Time{}
	}
	first := slices.MinFunc(entries, func(a, b time.Time) int { return a.Compare(b) })
	if current.Matching && !current.RecordedAt.IsZero() && current.RecordedAt.Before(first) {
		return current.RecordedAt
	}
	return first
}
