// Package events consumes the streams insights reads (the candidates',
// matching's, placements', the gateway's and the employers' roles) in
// the consumer group "insights", one subscriber per stream. pkg/events
// acknowledges after success, claims back what a dead consumer left and
// dead-letters poison events; a group found recreated (Redis lost the
// stream's history) asks for a rebuild.
package events

import (
	"context"
	"log/slog"
	"time"

	"github.com/redis/go-redis/v9"

	pkgevents "github.com/onward-jobs/onward/pkg/events"
)

// Group is the service's consumer group on every stream.
const Group = "insights"

// BatchHandler absorbs a batch of events: nil acknowledges them all, an
// error leaves them all to be delivered again.
type BatchHandler func(ctx context.Context, batch []pkgevents.Envelope) error

// Config is one stream's subscription.
type Config struct {
	// Stream is the stream read; Consumer names this process in the group.
	Stream, Consumer string
	// Batch is the most events read at once (0: pkg/events' default).
	Batch int64
	// Logger receives the subscriber's logs, ids only.
	Logger *slog.Logger
	// OnGroupRecreated is called, quickly, when the group had to be
	// created again: the events before are lost.
	OnGroupRecreated func()
}

// Subscribe returns a worker that consumes the stream and calls handle
// until its context ends.
// Each read of up to cfg.Batch events is one batch (pkg/events'
// NewBatchSubscriber): absorbing a busy stream costs one refold per
// candidate per read, not per event. A batch must finish within
// HandlerTimeout, which is set long enough for a full batch's calls to
// the owners and commit.
func Subscribe(rdb redis.UniversalClient, cfg Config, handle BatchHandler) (func(context.Context) error, error) {
	sub, err := pkgevents.NewBatchSubscriber(rdb, pkgevents.SubscriberConfig{Stream: cfg.Stream, Group: Group, Consumer: cfg.Consumer,
		Batch: cfg.Batch, Logger: cfg.Logger, OnGroupRecreated: cfg.OnGroupRecreated,
		ClaimMinIdle: 5 * time.Minute, HandlerTimeout: 2 * time.Minute},
		pkgevents.BatchHandler(handle))
	if err != nil {
		return nil, err
	}
	return sub.Run, nil
}
