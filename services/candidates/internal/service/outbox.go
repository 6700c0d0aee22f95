package service

import (
	"context"
	"time"

	"github.com/onward-jobs/onward/pkg/events"
)

// envelope returns a new event of this service, stamped by the service's
// clock (Deps.Now) like everything else it stores, so the relay's grace
// period and the event's time agree when a test moves the clock.
func (s *Service) envelope(eventType, aggregateID string, version int64) (events.Envelope, error) {
	e, err := events.NewEnvelope(eventType, aggregateID, version, Producer)
	if err != nil {
		return events.Envelope{}, err
	}
	e.OccurredAt = s.now()
	return e, nil
}

// deliver publishes the event stored with a write and clears it; see
// events.Relayer.
func (s *Service) deliver(ctx context.Context, ch Change) {
	s.relay.Deliver(ctx, ch.Event)
}

// RelayPending finishes interrupted erasures, then publishes events left
// pending at least grace ago, and returns how many it published. Both read
// the store only when something may be left behind: after a failed
// delivery or erasure, and every events.DefaultSweep (see events.Relayer).
func (s *Service) RelayPending(ctx context.Context, grace time.Duration) (int, error) {
	if !s.relay.Due(grace) {
		return 0, nil
	}
	if _, err := s.Outbox.FinishErasures(ctx); err != nil {
		s.relay.MarkDirty()
		return 0, err
	}
	return s.relay.Scan(ctx, grace)
}
