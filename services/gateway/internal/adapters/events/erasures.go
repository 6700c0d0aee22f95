package events

import (
	"context"
	"log/slog"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/events"
)

// Group is the gateway's consumer group on the streams it reads.
const Group = "gateway"

// EventCandidateErased is the candidates service's event of an erasure,
// on its stream (onward.candidates by default).
const EventCandidateErased = "candidate.erased"

// EraseFunc removes what the gateway holds of an erased candidate. It
// must be idempotent: pkg/events delivers at least once.
type EraseFunc func(ctx context.Context, candidateID string) error

// ConsumeErasures returns a worker that reads the candidates service's
// stream in the group "gateway" and hands every candidate.erased event's
// candidate id to erase; other events are acknowledged unread. A failed
// erase leaves the event pending, to be retried and, after the
// subscriber's last delivery, dead-lettered.
func ConsumeErasures(rdb redis.UniversalClient, stream, consumer string, logger *slog.Logger, erase EraseFunc) (func(context.Context) error, error) {
	handle := func(ctx context.Context, e events.Envelope) error {
		if e.Type != EventCandidateErased {
			return nil
		}
		return erase(ctx, e.AggregateID)
	}
	sub, err := events.NewSubscriber(rdb, events.SubscriberConfig{Stream: stream, Group: Group, Consumer: consumer, Logger: logger}, handle)
	if err != nil {
		return nil, err
	}
	return sub.Run, nil
}
