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

// deliver publishes an event stored with a write and clears it; see
// events.Relayer.
func (s *Service) deliver(ctx context.Context, e events.Envelope) {
	s.relay.Deliver(ctx, e)
}

// RelayPending publishes events left pending at least grace ago and
// returns how many it published. It reads the outbox only when something
// may be there; see events.Relayer.
func (s *Service) RelayPending(ctx context.Context, grace time.Duration) (int, error) {
	return s.relay.Round(ctx, grace)
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
		r.SetStatus(domain.StatusClosed, s.Now())
		if err := s.saveRole(ctx, &r); err != nil {
			s.Logger.WarnContext(ctx, "auto-close skipped", "role_id", r.ID, "error", err.Error())
			continue
		}
		n++
	}
	return n, nil
}
