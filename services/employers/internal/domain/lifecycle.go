package domain

import (
	"fmt"
	"strings"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Status is where a role stands in its lifecycle.
type Status string

// The role statuses. Filled and closed are final, except that a role may
// be reopened within ReopenWindow of becoming so; see Role.NextStatuses.
const (
	StatusDraft  Status = "draft"
	StatusOpen   Status = "open"
	StatusPaused Status = "paused"
	StatusFilled Status = "filled"
	StatusClosed Status = "closed"
)

// Statuses lists every status, in lifecycle order.
var Statuses = []Status{StatusDraft, StatusOpen, StatusPaused, StatusFilled, StatusClosed}

// transitions is the one table of legal moves: draft → open ⇄ paused →
// filled | closed, with open → filled | closed and draft → closed as well.
var transitions = map[Status][]Status{
	StatusDraft:  {StatusOpen, StatusClosed},
	StatusOpen:   {StatusPaused, StatusFilled, StatusClosed},
	StatusPaused: {StatusOpen, StatusFilled, StatusClosed},
	StatusFilled: {},
	StatusClosed: {},
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	_, ok := transitions[s]
	return ok
}

// Allowed returns the statuses a role in s may move to next.
func (s Status) Allowed() []Status { return append([]Status{}, transitions[s]...) }

// TransitionError says a status change is not allowed and which are. It is
// an errs.Conflict.
type TransitionError struct {
	From, To Status
	Allowed  []Status
	// ReopenEnded is set when the move was a reopening refused because
	// the role's reopen window ended then.
	ReopenEnded time.Time
}

// Error names the illegal move and the allowed ones, and for a role whose
// reopen window has passed, says when it ended.
func (e *TransitionError) Error() string {
	names := make([]string, len(e.Allowed))
	for i, s := range e.Allowed {
		names[i] = string(s)
	}
	allowed := strings.Join(names, ", ")
	if allowed == "" {
		allowed = "none, the role is final"
	}
	if !e.ReopenEnded.IsZero() {
		return fmt.Sprintf("a %s role can be reopened only within %d days of becoming %s; that time ended at %s; allowed next statuses: %s",
			e.From, int(ReopenWindow.Hours()/24), e.From, e.ReopenEnded.UTC().Format(time.RFC3339), allowed)
	}
	return fmt.Sprintf("a %s role cannot become %s; allowed next statuses: %s", e.From, e.To, allowed)
}

// Is makes errors.Is(err, errs.Conflict) true.
func (e *TransitionError) Is(target error) bool { return target == errs.Conflict }

// CheckTransition returns a *TransitionError unless from → to is legal.
func CheckTransition(from, to Status) error {
	for _, s := range transitions[from] {
		if s == to {
			return nil
		}
	}
	return &TransitionError{From: from, To: to, Allowed: from.Allowed()}
}
