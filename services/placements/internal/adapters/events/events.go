// Package events publishes the placements service's events to its stream
// and consumes the streams it listens to (erasures from the candidates
// service, suspensions from the gateway) in the consumer group
// "placements". pkg/events acknowledges after success, claims back what a
// dead consumer left and dead-letters poison events.
package events

import (
	"context"
	"log/slog"

	"github.com/redis/go-redis/v9"

	pkgevents "github.com/onward-jobs/onward/pkg/events"
)

// Group is the service's consumer group on every stream.
const Group = "placements"

// Publisher sends every event to the service's stream.
type Publisher struct {
	Events *pkgevents.Publisher
	Stream string
}

// Publish appends e to the stream.
func (p Publisher) Publish(ctx context.Context, e pkgevents.Envelope) error {
	_, err := p.Events.Publish(ctx, p.Stream, e)
	return err
}

// Subscribe returns a worker that consumes stream and calls handle with
// each event until its context ends.
func Subscribe(rdb redis.UniversalClient, stream, consumer string, logger *slog.Logger, handle pkgevents.Handler) (func(context.Context) error, error) {
	sub, err := pkgevents.NewSubscriber(rdb, pkgevents.SubscriberConfig{Stream: stream, Group: Group, Consumer: consumer, Logger: logger}, handle)
	if err != nil {
		return nil, err
	}
	return sub.Run, nil
}
