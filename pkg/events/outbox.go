package events

import (
	"context"
	"log/slog"
	"time"
)

// Outbox is where a service keeps the events it stored with its writes
// (in the changed document itself, without transactions) until they are
// published.
type Outbox interface {
	// PendingEvents returns up to limit events still waiting.
	PendingEvents(ctx context.Context, limit int) ([]Envelope, error)
	// MarkPublished removes a published event from the outbox.
	MarkPublished(ctx context.Context, e Envelope) error
}

// Sink puts an event on the stream its type belongs to.
type Sink interface {
	Publish(ctx context.Context, e Envelope) error
}

// relayBatch is how many pending events one relay round reads.
const relayBatch = 100

// Deliver publishes an event stored with a write that just succeeded and
// then clears it from the outbox, and reports whether both worked. It runs
// even when the client has hung up. A failure is only logged: the write
// stands, and Relay publishes what is left behind.
func Deliver(ctx context.Context, logger *slog.Logger, outbox Outbox, sink Sink, e Envelope) bool {
	ctx = context.WithoutCancel(ctx)
	if err := sink.Publish(ctx, e); err != nil {
		logger.WarnContext(ctx, "event left for the relay", "event_id", e.ID, "type", e.Type, "aggregate_id", e.AggregateID, "error", err.Error())
		return false
	}
	if err := outbox.MarkPublished(ctx, e); err != nil {
		logger.WarnContext(ctx, "published event not cleared; the relay will publish it again", "event_id", e.ID, "error", err.Error())
		return false
	}
	return true
}

// Relayed is what one relay pass did.
type Relayed struct {
	// Published counts the events it published.
	Published int
	// Young are the events it left to the requests publishing them,
	// because they had not waited grace yet.
	Young []Envelope
	// More is true when the pass read a full batch, which may hide more.
	More bool
}

// Relay publishes events that have waited in the outbox at least grace by
// now (the process crashed, or Redis failed, between a write and its
// publication) and leaves younger ones to the request that is publishing
// them. Consumers de-duplicate on the event id, so publishing one twice is
// harmless.
func Relay(ctx context.Context, outbox Outbox, sink Sink, grace time.Duration, now time.Time) (Relayed, error) {
	var r Relayed
	pending, err := outbox.PendingEvents(ctx, relayBatch)
	if err != nil {
		return r, err
	}
	r.More = len(pending) == relayBatch
	for _, e := range pending {
		if now.Sub(e.OccurredAt) < grace {
			r.Young = append(r.Young, e)
			continue
		}
		if err := sink.Publish(ctx, e); err != nil {
			return r, err
		}
		if err := outbox.MarkPublished(ctx, e); err != nil {
			return r, err
		}
		r.Published++
	}
	return r, nil
}
