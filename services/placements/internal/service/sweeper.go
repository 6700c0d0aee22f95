package service

import (
	"context"
	"errors"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/services/placements/internal/domain"
)

// Sweep does what time makes due, by the service's clock: it expires
// requests unanswered past their expiry, reminds staff of requests at
// their reminder date, raises followup.due for follow-ups falling due and
// retries the steps placements still owe. It returns how many things it
// did. An object changed meanwhile is left for the next round.
func (s *Service) Sweep(ctx context.Context) (int, error) {
	n := 0
	for _, job := range []func(context.Context) (int, error){s.expire, s.remind, s.followUpsDue, s.retrySteps} {
		k, err := job(ctx)
		n += k
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

func (s *Service) expire(ctx context.Context) (int, error) {
	now := s.Now()
	due, err := s.d.Store.ExpiredIntroductions(ctx, now, sweepBatch)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, in := range due {
		prev := in.Version
		if in.Expire(now) != nil {
			continue
		}
		if s.skip(ctx, s.saveIntroduction(ctx, in, prev, EventIntroductionExpired), "expiry", in.ID) {
			continue
		}
		n++
	}
	return n, nil
}

func (s *Service) remind(ctx context.Context) (int, error) {
	now := s.Now()
	due, err := s.d.Store.RemindersDue(ctx, now, sweepBatch)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, in := range due {
		prev := in.Version
		if !in.Remind(now) {
			continue
		}
		if s.skip(ctx, s.saveIntroduction(ctx, in, prev, EventIntroductionReminderDue), "reminder", in.ID) {
			continue
		}
		n++
	}
	return n, nil
}

func (s *Service) followUpsDue(ctx context.Context) (int, error) {
	due, err := s.d.Store.FollowUpsDue(ctx, s.Now(), sweepBatch)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, f := range due {
		prev := f.Version
		f.Notified = true
		f.Version++
		// Both sides' tasks of one day fall due together, and the event
		// names the introduction, whose parties are both sides: it is
		// raised once, with the programme's task.
		var es []events.Envelope
		if f.Audience == domain.AudienceProgramme {
			e, err := s.event(EventFollowUpDue, f.IntroductionID, f.Version)
			if err != nil {
				return n, err
			}
			es = append(es, e)
		}
		if s.skip(ctx, s.d.Store.UpdateFollowUp(ctx, f, prev, es...), "follow-up due", f.ID) {
			continue
		}
		s.deliver(ctx, es...)
		n++
	}
	return n, nil
}

func (s *Service) retrySteps(ctx context.Context) (int, error) {
	pending, err := s.d.Store.PlacementsWithPendingSteps(ctx, sweepBatch)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range pending {
		if s.skip(ctx, s.takeSteps(ctx, p), "placement steps", p.ID) {
			continue
		}
		n++
	}
	return n, nil
}

// skip logs a failure of one object of a sweep, by id, and reports it.
func (s *Service) skip(ctx context.Context, err error, what, id string) bool {
	if err == nil {
		return false
	}
	s.d.Logger.WarnContext(ctx, "sweep skipped an object", "what", what, "id", id, "error", err.Error())
	return true
}

// HandleEvent consumes the events of other services: an erased candidate
// leaves nothing here; a suspended employer's waiting requests are
// withdrawn. It is idempotent.
func (s *Service) HandleEvent(ctx context.Context, e events.Envelope) error {
	switch e.Type {
	case EventCandidateErased:
		return s.d.Store.ForgetCandidate(ctx, e.AggregateID)
	case EventOrganisationStatusChanged:
		return s.organisationChanged(ctx, e.AggregateID)
	}
	return nil
}

// organisationChanged withdraws the waiting requests of an employer the
// gateway says is suspended.
func (s *Service) organisationChanged(ctx context.Context, orgID string) error {
	if s.d.Organisations == nil {
		return nil
	}
	status, err := s.d.Organisations.Status(ctx, orgID)
	if err != nil {
		return ignoreNotFound(err)
	}
	if status != OrganisationSuspended {
		return nil
	}
	for {
		waiting, err := s.d.Store.RequestedOfEmployer(ctx, orgID, sweepBatch)
		if err != nil || len(waiting) == 0 {
			return err
		}
		for _, in := range waiting {
			prev := in.Version
			if err := in.Withdraw(withdrawnBySuspension, s.Now()); err != nil {
				continue
			}
			if err := s.saveIntroduction(ctx, in, prev, EventIntroductionWithdrawn); err != nil && !errors.Is(err, domain.ErrStale) {
				return err
			}
		}
	}
}
