package domain

import (
	"errors"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Problem is a refusal with its own problem type (/problems/<Slug>), for
// clients that must tell one conflict from another. It is also the error
// category it wraps, so the one error handler still picks the status.
type Problem struct {
	Slug     string
	Title    string
	Category error
}

// Error returns the title.
func (p *Problem) Error() string { return p.Title }

// Is makes errors.Is(err, errs.Conflict) true for a conflict problem.
func (p *Problem) Is(target error) bool { return target == p.Category }

// The refusals with their own problem type.
var (
	ErrRoleNotOpen        = &Problem{Slug: "role-not-open", Title: "The role is not open", Category: errs.Conflict}
	ErrIntroductionExists = &Problem{Slug: "introduction-exists",
		Title: "An open request to meet this candidate for this role exists already", Category: errs.Conflict}
	ErrTooManyIntroductions = &Problem{Slug: "too-many-introductions",
		Title: "The role has the most open requests to meet allowed", Category: errs.Conflict}
	ErrIntroductionNotOpen = &Problem{Slug: "introduction-not-open",
		Title: "The request to meet is no longer waiting for an answer", Category: errs.Conflict}
	ErrNotAccepted = &Problem{Slug: "introduction-not-accepted",
		Title: "Only an accepted introduction has a thread and an outcome", Category: errs.Conflict}
	ErrOutcomeRecorded = &Problem{Slug: "outcome-recorded",
		Title: "How the meeting went has been recorded already", Category: errs.Conflict}
	ErrPlacementEnded   = &Problem{Slug: "placement-ended", Title: "The placement has ended", Category: errs.Conflict}
	ErrFollowUpAnswered = &Problem{Slug: "followup-answered", Title: "The follow-up has been answered already", Category: errs.Conflict}
)

// ErrStale means the stored object changed since it was read; the caller
// reads it again.
var ErrStale = errors.Join(errors.New("the object changed meanwhile"), errs.Conflict)

// ErrDuplicate means a unique key is taken.
var ErrDuplicate = errors.New("duplicate")
