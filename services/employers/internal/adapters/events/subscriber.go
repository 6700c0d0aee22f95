package events

import (
	"context"
	"log/slog"

	"github.com/redis/go-redis/v9"

	pkgevents "github.com/onward-jobs/onward/pkg/events"
)

// Group is the employers service's consumer group on the streams it reads.
const Group = "employers"

// DefaultGatewayStream is the gateway's stream, where
// organisation.status_changed arrives.
const DefaultGatewayStream = "onward.gateway"

// Subscribe returns a worker that consumes stream and calls handle with
// each event until its context ends; pkg/events acknowledges after
// success, claims back what a dead consumer left and dead-letters poison
// events.
func Subscribe(rdb redis.UniversalClient, stream, consumer string, logger *slog.Logger, handle pkgevents.Handler) (func(context.Context) error, error) {
	sub, err := pkgevents.NewSubscriber(rdb, pkgevents.SubscriberConfig{Stream: stream, Group: Group, Consumer: consumer, Logger: logger}, handle)
	if err != nil {
		return nil, err
	}
	return sub.Run, nil
}
