package service

import (
	"context"
	"time"

	"github.com/onward-jobs/onward/pkg/events"
)

func (s *Service) envelope(eventType, aggregateID string, version int64) (events.Envelope, error) {
	return events.NewEnvelope(eventType, aggregateID, version, Producer)
}

// deliver publishes the event stored with a write and clears it; see
// events.Deliver.
func (s *Service) deliver(ctx context.Context, ch Change) {
	events.Deliver(ctx, s.Logger, s.Outbox, s.Publisher, ch.Event)
}

// RelayPending finishes interrupted erasures, then publishes events left
// pending at least grace ago and returns how many it published; see
// events.Relay.
func (s *Service) RelayPending(ctx context.Context, grace time.Duration) (int, error) {
	if _, err := s.Outbox.FinishErasures(ctx); err != nil {
		return 0, err
	}
	return events.Relay(ctx, s.Outbox, s.Publisher, grace, s.Now())
}
