package events

import (
	"context"
	"fmt"

	"github.com/redis/go-redis/v9"
)

// handle takes one delivered entry to its outcome: acknowledged as a
// duplicate, handled and acknowledged, left pending after a failure, or
// dead-lettered. deliveries counts this delivery. A returned error is a Redis
// failure, which Run answers with a backoff; the entry then stays pending.
func (s *Subscriber) handle(ctx context.Context, msg redis.XMessage, deliveries int64) error {
	// Shutdown must not interrupt an event half way: the handler and the
	// acknowledgement that follows it run on a context Run cannot cancel.
	work := context.WithoutCancel(ctx)
	raw, _ := msg.Values[EnvelopeField].(string)
	e, err := decodeEnvelope(raw)
	if err != nil {
		// Retrying cannot fix a malformed entry, so it skips the handler.
		return s.deadLetter(work, msg.ID, raw, deliveries, err)
	}
	log := s.log.With("entry_id", msg.ID, "event_id", e.ID, "event_type", e.Type, "deliveries", deliveries)
	seen, err := s.rdb.Exists(work, s.dedupKey(e.ID)).Result()
	if err != nil {
		return fmt.Errorf("events: check dedup key for event %s: %w", e.ID, err)
	}
	if seen > 0 {
		log.Info("events: event already processed by this group; acknowledging")
		return s.ack(work, msg.ID)
	}
	if deliveries > s.cfg.MaxDeliveries {
		// Only a claimed entry gets here: its consumer died during the last
		// allowed delivery, so no handler error was ever recorded.
		cause := fmt.Errorf("events: not acknowledged after %d deliveries", deliveries-1)
		return s.deadLetter(work, msg.ID, raw, deliveries-1, cause)
	}
	if err := s.callHandler(work, e); err != nil {
		if deliveries >= s.cfg.MaxDeliveries {
			return s.deadLetter(work, msg.ID, raw, deliveries, err)
		}
		log.Warn("events: handler failed; entry stays pending for redelivery", "error", err)
		return nil
	}
	// Marking before acknowledging means a crash in between is caught by the
	// dedup check on redelivery instead of running the handler again.
	if err := s.rdb.Set(work, s.dedupKey(e.ID), msg.ID, s.cfg.DedupTTL).Err(); err != nil {
		log.Warn("events: could not mark event as processed", "error", err)
	}
	log.Debug("events: event handled")
	return s.ack(work, msg.ID)
}

// callHandler runs the handler under HandlerTimeout, which stays below
// ClaimMinIdle so that no other consumer claims the entry while it runs.
func (s *Subscriber) callHandler(ctx context.Context, e Envelope) error {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.HandlerTimeout)
	defer cancel()
	return s.handler(ctx, e)
}

func (s *Subscriber) ack(ctx context.Context, entryID string) error {
	if err := s.rdb.XAck(ctx, s.cfg.Stream, s.cfg.Group, entryID).Err(); err != nil {
		return fmt.Errorf("events: ack entry %s: %w", entryID, err)
	}
	return nil
}

// dedupKey is this subscriber's DedupKey of eventID.
func (s *Subscriber) dedupKey(eventID string) string {
	return DedupKey(s.cfg.Stream, s.cfg.Group, eventID)
}
