// Package events consumes the streams the notifications service listens
// to, each in the consumer group "notifications", and hands every event to
// the rule table. pkg/events acknowledges after success, claims back what a
// dead consumer left, dead-letters poison events and survives a Redis
// restart.
package events

import (
	"context"
	"log/slog"

	"github.com/redis/go-redis/v9"

	pkgevents "github.com/onward-jobs/onward/pkg/events"
)

// Group is the service's consumer group on every stream.
const Group = "notifications"

// Subscribe returns a worker that consumes stream and calls handle with
// each event until its context ends.
func Subscribe(rdb redis.UniversalClient, stream, consumer string, logger *slog.Logger, handle pkgevents.Handler) (func(context.Context) error, error) {
	sub, err := pkgevents.NewSubscriber(rdb, pkgevents.SubscriberConfig{Stream: stream, Group: Group, Consumer: consumer, Logger: logger}, handle)
	if err != nil {
		return nil, err
	}
	return sub.Run, nil
}
