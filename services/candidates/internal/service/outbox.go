package service

import (
	"context"
	"time"

	"github.com/onward-jobs/onward/pkg/events"
)

func (s *Service) envelope(eventType, aggregateID string, version int64) (events.Envelope, error) {
	return events.NewEnvelope(eventType, aggregateID, version, Producer)
}

// deliver publishes the event stored with a write and then clears it from
// the document. A failure is only logged: the write succeeded, and the
// relay publishes what is left behind.
func (s *Service) deliver(ctx context.Context, ch Change) {
	// The client may hang up now; the event must still go out.
	ctx = context.WithoutCancel(ctx)
	e := ch.Event
	if err := s.Publisher.Publish(ctx, e); err != nil {
		s.Logger.WarnContext(ctx, "event left for the relay", "event_id", e.ID, "type", e.Type, "aggregate_id", e.AggregateID, "error", err.Error())
		return
	}
	if err := s.Outbox.MarkPublished(ctx, e); err != nil {
		s.Logger.WarnContext(ctx, "published event not cleared; the relay will publish it again", "event_id", e.ID, "error", err.Error())
	}
}

// RelayPending finishes interrupted erasures, then publishes events left
// pending at least grace ago (the process crashed or Redis failed between
// a write and its publication), and returns how many it published.
// Consumers de-duplicate on the event id, so publishing one twice is
// harmless.
func (s *Service) RelayPending(ctx context.Context, grace time.Duration) (int, error) {
	if _, err := s.Outbox.FinishErasures(ctx); err != nil {
		return 0, err
	}
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
