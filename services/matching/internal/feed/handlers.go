package feed

import (
	"context"
	"errors"

	"github.com/onward-jobs/onward/pkg/events"
)

// candidateEvent brings the index to at least the event's version of the
// candidate and reports whether the index holds it.
func (f *Feed) candidateEvent(ctx context.Context, e events.Envelope) (present bool, err error) {
	switch e.Type {
	case EventCandidateChanged, EventConsentChanged:
		present, _, err = f.candidates.ensure(ctx, e.AggregateID, e.Version)
		return present, err
	case EventCandidateErased:
		f.candidates.gone(e.AggregateID)
		return false, nil
	default:
		return false, unknown(f.cfg.CandidatesStream, e.Type)
	}
}

// roleEvent brings the index to at least the event's version of the role
// and reports whether the index holds it (open).
func (f *Feed) roleEvent(ctx context.Context, e events.Envelope) (present bool, err error) {
	if e.Type != EventRoleChanged {
		return false, unknown(f.cfg.RolesStream, e.Type)
	}
	present, _, err = f.roles.ensure(ctx, e.AggregateID, e.Version)
	return present, err
}

// indexCandidates handles the candidates stream in this instance's own
// group.
// An erased candidate is forgotten here too, on every instance, once this
// instance's index has let it go: an instance whose index still held the
// candidate might otherwise record it again after the shared group's
// erasure (Results.CandidateErased).
func (f *Feed) indexCandidates(ctx context.Context, e events.Envelope) error {
	if _, err := f.candidateEvent(ctx, e); err != nil {
		return err
	}
	if f.candidates.erased(e.AggregateID) {
		return f.deps.Results.CandidateErased(ctx, e.AggregateID)
	}
	return nil
}

// indexRoles handles the roles stream in this instance's own group.
func (f *Feed) indexRoles(ctx context.Context, e events.Envelope) error {
	_, err := f.roleEvent(ctx, e)
	return err
}

// sharedCandidates handles the candidates stream in the shared group: once
// this instance's index holds the change, Results recomputes what depends
// on the candidate.
func (f *Feed) sharedCandidates(ctx context.Context, e events.Envelope) error {
	present, err := f.candidateEvent(ctx, e)
	if err != nil {
		return err
	}
	return f.candidateResults(ctx, e.AggregateID, present)
}

// sharedRoles handles the roles stream in the shared group.
func (f *Feed) sharedRoles(ctx context.Context, e events.Envelope) error {
	present, err := f.roleEvent(ctx, e)
	if err != nil {
		return err
	}
	return f.roleResults(ctx, e.AggregateID, present)
}

// candidateResults tells Results of a change of the candidate; one the
// owner no longer has (an erasure's event, or its 404 to a fetch) is
// erased as well as removed.
func (f *Feed) candidateResults(ctx context.Context, id string, present bool) error {
	if present {
		return f.deps.Results.CandidateChanged(ctx, id)
	}
	err := f.deps.Results.CandidateRemoved(ctx, id)
	if f.candidates.erased(id) {
		err = errors.Join(err, f.deps.Results.CandidateErased(ctx, id))
	}
	return err
}

func (f *Feed) roleResults(ctx context.Context, id string, present bool) error {
	if present {
		return f.deps.Results.RoleChanged(ctx, id)
	}
	return f.deps.Results.RoleRemoved(ctx, id)
}
