package events

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// Handler processes one event. Returning nil acknowledges it; returning an
// error leaves it pending for redelivery after ClaimMinIdle, until the
// MaxDeliveries-th failure sends it to the dead-letter stream. Handlers must be
// idempotent, because delivery is at least once and de-duplication is best
// effort. The error's text is logged and stored in the dead-letter stream, so
// it must name ids only, never personal data.
//
// ctx carries the values of Run's context but not its cancellation, so a
// shutdown lets the event in hand finish; it expires after HandlerTimeout.
type Handler func(ctx context.Context, e Envelope) error

// Backoff bounds for retrying after Redis errors, so a restarting Redis is
// polled often at first and then gently.
const (
	minBackoff = 100 * time.Millisecond
	maxBackoff = 5 * time.Second
)

// Subscriber consumes one stream as one consumer of a consumer group, handling
// one entry at a time (NewSubscriber) or one read at a time
// (NewBatchSubscriber). Run more Subscribers (in this process with distinct
// Consumer names, or in more pods) to handle entries in parallel.
type Subscriber struct {
	rdb     redis.UniversalClient
	cfg     SubscriberConfig
	handler Handler
	// batch, when set, receives each read whole; handler then wraps it in
	// batches of one for entries that must be handled alone.
	batch BatchHandler
	log   *slog.Logger
	claim claimState
}

// NewSubscriber checks cfg, fills its defaults and returns a Subscriber that
// calls handler for each event. Nothing touches Redis until Run.
func NewSubscriber(rdb redis.UniversalClient, cfg SubscriberConfig, handler Handler) (*Subscriber, error) {
	if rdb == nil || handler == nil {
		return nil, errors.New("events: subscriber needs a redis client and a handler")
	}
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	log := cfg.Logger.With("stream", cfg.Stream, "group", cfg.Group, "consumer", cfg.Consumer)
	return &Subscriber{rdb: rdb, cfg: cfg, handler: handler, log: log}, nil
}

// Run consumes until ctx is cancelled and then returns nil. Call it once.
//
// Redis errors, including a Redis restart that lost the group, never end Run:
// it logs them, backs off and recreates the group. On cancellation it stops
// reading, lets the handler in flight finish and acknowledges it, and returns
// within about Block. Entries it had fetched but not started stay pending and
// are claimed back by the group after ClaimMinIdle.
func (s *Subscriber) Run(ctx context.Context) error {
	s.log.Info("events: subscriber started")
	defer s.log.Info("events: subscriber stopped")
	var g groupState
	delay := time.Duration(0)
	for ctx.Err() == nil {
		err := s.poll(ctx, &g)
		if err == nil {
			delay = 0
			continue
		}
		if ctx.Err() != nil {
			break
		}
		// Any failure may mean the group vanished (NOGROUP after a flush or
		// restart), so the next round recreates it; creation is idempotent.
		g.ready = false
		delay = min(max(2*delay, minBackoff), maxBackoff)
		if groupLost(err) {
			s.log.Info("events: consumer group or stream gone; recreating", "error", err, "retry_in", delay)
		} else {
			s.log.Warn("events: redis error, retrying", "error", err, "retry_in", delay)
		}
		sleep(ctx, delay)
	}
	return nil
}

// groupState is what Run knows of its group: whether it exists as far as
// this subscriber knows (ready), and whether it ever did (seen), so that
// creating it again can be told from creating it at the first start.
type groupState struct{ ready, seen bool }

// poll performs one round: make sure the group exists, claim back idle
// entries when due, then read and handle new ones.
func (s *Subscriber) poll(ctx context.Context, g *groupState) error {
	if !g.ready {
		created, err := s.ensureGroup(ctx)
		if err != nil {
			return err
		}
		if created && g.seen && s.cfg.OnGroupRecreated != nil {
			s.cfg.OnGroupRecreated()
		}
		g.ready, g.seen = true, true
	}
	if err := s.claimIdle(ctx); err != nil {
		return err
	}
	streams, err := s.rdb.XReadGroup(ctx, &redis.XReadGroupArgs{
		Group:    s.cfg.Group,
		Consumer: s.cfg.Consumer,
		Streams:  []string{s.cfg.Stream, ">"},
		Count:    s.cfg.Batch,
		Block:    s.cfg.Block,
	}).Result()
	if errors.Is(err, redis.Nil) {
		return nil // Block elapsed with nothing new.
	}
	if err != nil {
		return fmt.Errorf("events: read group: %w", err)
	}
	for _, st := range streams {
		if s.batch != nil {
			// A fresh read is always an entry's first delivery.
			if err := s.handleBatch(ctx, st.Messages, nil); err != nil {
				return err
			}
			continue
		}
		for _, msg := range st.Messages {
			if ctx.Err() != nil {
				return nil
			}
			// A fresh read is always an entry's first delivery.
			if err := s.handle(ctx, msg, 1); err != nil {
				return err
			}
		}
	}
	return nil
}

// ensureGroup creates the group, and the stream if needed. A new group starts
// at the beginning of the stream rather than at its end: a group recreated
// after a Redis flush would otherwise skip whatever was published before it
// noticed, and the replay is absorbed by de-duplication and idempotent
// handlers.
//
// It reports whether it created the group (rather than finding it).
func (s *Subscriber) ensureGroup(ctx context.Context) (created bool, err error) {
	err = s.rdb.XGroupCreateMkStream(ctx, s.cfg.Stream, s.cfg.Group, "0").Err()
	if err != nil && !strings.HasPrefix(err.Error(), "BUSYGROUP") {
		return false, fmt.Errorf("events: create group: %w", err)
	}
	if err == nil {
		s.log.Info("events: consumer group created")
	}
	s.claim.reset()
	return err == nil, nil
}

// groupLost reports whether Redis answered that the group or its stream no
// longer exists: NOGROUP on a read or claim, or UNBLOCKED when the stream was
// deleted under a blocked read. That is expected after a flush or a restart
// without persistence, so it is logged as information, not as a failure.
func groupLost(err error) bool {
	var rerr redis.Error
	if !errors.As(err, &rerr) {
		return false
	}
	msg := rerr.Error()
	return strings.HasPrefix(msg, "NOGROUP") || strings.HasPrefix(msg, "UNBLOCKED")
}

// sleep waits for d or until ctx is cancelled, whichever comes first.
func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
