package service

import (
	"context"
	"time"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
)

func (s *Service) envelope(eventType, aggregateID string, version int64) (events.Envelope, error) {
	return events.NewEnvelope(eventType, aggregateID, version, Producer)
}

// deliver publishes an event stored with a write and then removes it from
// the document. A failure is only logged: the write succeeded, and the
// relay publishes what is left behind.
func (s *Service) deliver(ctx context.Context, e events.Envelope) {
	// The client may hang up now; the event must still go out.
	ctx = context.WithoutCancel(ctx)
	if err := s.Publisher.Publish(ctx, e); err != nil {
		s.Logger.WarnContext(ctx, "event left for the relay", "event_id", e.ID, "type", e.Type, "aggregate_id", e.AggregateID, "error", err.Error())
		return
	}
	if err := s.Outbox.MarkPublished(ctx, e); err != nil {
		s.Logger.WarnContext(ctx, "published event not cleared; the relay will publish it again", "event_id", e.ID, "error", err.Error())
	}
}

// RelayPending publishes events left pending at least grace ago (the
// process crashed or Redis failed between a write and its publication), and
// returns how many it published. Consumers de-duplicate on the event id, so
// publishing one twice is harmless.
func (s *Service) RelayPending(ctx context.Context, grace time.Duration) (int, error) {
	pending, err := s.Outbox.PendingEvents(ctx, 100)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range pending {
		if s.Now().Sub(e.OccurredAt) < grace {
			continue
		}
		if err := s.Publisher.Publish(ctx, e); err != nil {
			return n, err
		}
		if err := s.Outbox.MarkPublished(ctx, e); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// CloseExpired closes every role whose closing date has passed and returns
// how many it closed. A role changed meanwhile is left for the next round.
func (s *Service) CloseExpired(ctx context.Context) (int, error) {
	roles, err := s.Roles.RolesClosingBefore(ctx, s.today(), 100)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, r := range roles {
		if domain.CheckTransition(r.Status, domain.StatusClosed) != nil {
			continue
		}
		r.Status = domain.StatusClosed
		if err := s.saveRole(ctx, &r); err != nil {
			s.Logger.WarnContext(ctx, "auto-close skipped", "role_id", r.ID, "error", err.Error())
			continue
		}
		n++
	}
	return n, nil
}
