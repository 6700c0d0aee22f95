package domain

import (
	"slices"
	"time"
)

// ReopenWindow is how long a filled or closed role may still be reopened:
// "Mark filled" and "Close" are one tap, and a tap can be a mistake, or a
// hire can fall through in the first days. After the window the role is
// final, so matching and the people who saw the role can rely on it.
const ReopenWindow = 7 * 24 * time.Hour

// Final reports whether s ends a role's life (subject to reopening).
func (s Status) Final() bool { return s == StatusFilled || s == StatusClosed }

// SetStatus moves r to status at now, remembering where it came from and
// when, which the reopen rule needs. It does not check the move. The time
// keeps milliseconds, as stored, so reopen_until reads the same before and
// after a reload.
func (r *Role) SetStatus(to Status, now time.Time) {
	r.PreviousStatus, r.Status, r.StatusChangedAt = r.Status, to, now.UTC().Truncate(time.Millisecond)
}

// ReopenUntil returns when r's reopen window ends, and whether r can still
// be reopened at now: only a filled or closed role can, before
// StatusChangedAt + ReopenWindow.
func (r Role) ReopenUntil(now time.Time) (time.Time, bool) {
	if !r.Status.Final() {
		return time.Time{}, false
	}
	until := r.StatusChangedAt.Add(ReopenWindow)
	return until, now.Before(until)
}

// ReopenTargets returns the statuses a filled or closed role may go back
// to within its window: the status it had before (draft, open or paused)
// and open, when the lifecycle allows that from there. A role whose
// previous status is unknown (stored before it was recorded) may go back
// to open only.
func (r Role) ReopenTargets() []Status {
	prev := r.PreviousStatus
	if !prev.Valid() || prev.Final() {
		return []Status{StatusOpen}
	}
	out := []Status{prev}
	if prev != StatusOpen && slices.Contains(transitions[prev], StatusOpen) {
		out = append(out, StatusOpen)
	}
	return out
}

// NextStatuses returns the statuses r may move to at now: the lifecycle's
// moves, or for a filled or closed role its reopen targets while the
// window lasts.
func (r Role) NextStatuses(now time.Time) []Status {
	if _, ok := r.ReopenUntil(now); ok {
		return r.ReopenTargets()
	}
	return r.Status.Allowed()
}

// CheckMove returns a *TransitionError unless r may move to to at now.
// A reopening after the window says when the window ended.
func (r Role) CheckMove(to Status, now time.Time) error {
	next := r.NextStatuses(now)
	if slices.Contains(next, to) {
		return nil
	}
	err := &TransitionError{From: r.Status, To: to, Allowed: next}
	if until, ok := r.ReopenUntil(now); !ok && r.Status.Final() && !to.Final() {
		err.ReopenEnded = until
	}
	return err
}
