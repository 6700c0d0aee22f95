package events

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"
)

// Defaults applied by NewSubscriber to zero-valued SubscriberConfig fields.
const (
	DefaultBlock         = 2 * time.Second
	DefaultBatch         = 10
	DefaultClaimMinIdle  = time.Minute
	DefaultMaxDeliveries = 5
	DefaultDedupTTL      = 24 * time.Hour
)

// SubscriberConfig describes one consumer in one consumer group. Zero fields
// take the defaults documented on each field.
type SubscriberConfig struct {
	// Stream is the stream to read. Required.
	Stream string
	// Group is the consumer group, normally the consuming service's name.
	// Required.
	Group string
	// Consumer names this consumer within the group and must be unique in it.
	// Defaults to the host name, which is unique per pod; set it explicitly
	// when one process runs several subscribers on the same group.
	Consumer string
	// Block is how long one read waits for new entries. It also bounds how
	// long Run takes to return after its context is cancelled, so it must be
	// finite: at least a millisecond. Defaults to DefaultBlock.
	Block time.Duration
	// Batch is the most entries fetched per read or claim, and so the most
	// events a BatchHandler receives in one call. Defaults to DefaultBatch;
	// a batch subscriber of a busy stream sets a few hundred.
	Batch int64
	// ClaimMinIdle is how long an entry must sit unacknowledged before any
	// consumer of the group may claim it back, as happens when its consumer
	// died or its handler failed. Defaults to DefaultClaimMinIdle.
	ClaimMinIdle time.Duration
	// HandlerTimeout bounds one handler call, which for a BatchHandler is a
	// whole batch of up to Batch events. It may not exceed ClaimMinIdle,
	// otherwise a slow but healthy handler would have its entries claimed and
	// run twice at once. Defaults to half of ClaimMinIdle.
	HandlerTimeout time.Duration
	// MaxDeliveries is how many deliveries an entry gets before it is moved
	// to the dead-letter stream. Defaults to DefaultMaxDeliveries.
	MaxDeliveries int64
	// DedupTTL is how long the group remembers a processed event id.
	// Defaults to DefaultDedupTTL.
	DedupTTL time.Duration
	// Logger receives operational logs, which name ids only. Defaults to
	// slog.Default().
	Logger *slog.Logger
	// OnGroupRecreated, if set, is called when the group had to be created
	// again because it or its stream vanished (Redis restarted empty or was
	// flushed): events published before that are gone, so the owner must
	// catch up another way, such as reconciling with the source of truth.
	// It runs on Run's goroutine and must return quickly.
	OnGroupRecreated func()
}

// withDefaults fills zero fields and rejects values that cannot work.
func (c SubscriberConfig) withDefaults() (SubscriberConfig, error) {
	if c.Stream == "" || c.Group == "" {
		return c, errors.New("events: subscriber needs Stream and Group")
	}
	if c.Consumer == "" {
		host, err := os.Hostname()
		if err != nil || host == "" {
			return c, errors.New("events: subscriber needs a Consumer name (host name unavailable)")
		}
		c.Consumer = host
	}
	c.Block = orDefault(c.Block, DefaultBlock)
	c.Batch = orDefault(c.Batch, DefaultBatch)
	c.ClaimMinIdle = orDefault(c.ClaimMinIdle, DefaultClaimMinIdle)
	c.HandlerTimeout = orDefault(c.HandlerTimeout, c.ClaimMinIdle/2)
	c.MaxDeliveries = orDefault(c.MaxDeliveries, DefaultMaxDeliveries)
	c.DedupTTL = orDefault(c.DedupTTL, DefaultDedupTTL)
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c, c.validate()
}

func (c SubscriberConfig) validate() error {
	switch {
	case c.Block < time.Millisecond:
		// Redis counts BLOCK in milliseconds and treats 0 as "forever",
		// which would make shutdown hang.
		return fmt.Errorf("events: Block %s must be at least 1ms", c.Block)
	case c.Batch < 1:
		return fmt.Errorf("events: Batch %d must be positive", c.Batch)
	case c.ClaimMinIdle < time.Millisecond:
		return fmt.Errorf("events: ClaimMinIdle %s must be at least 1ms", c.ClaimMinIdle)
	case c.HandlerTimeout <= 0 || c.HandlerTimeout > c.ClaimMinIdle:
		return fmt.Errorf("events: HandlerTimeout %s must be positive and at most ClaimMinIdle %s",
			c.HandlerTimeout, c.ClaimMinIdle)
	case c.MaxDeliveries < 1:
		return fmt.Errorf("events: MaxDeliveries %d must be positive", c.MaxDeliveries)
	case c.DedupTTL <= 0:
		return fmt.Errorf("events: DedupTTL %s must be positive", c.DedupTTL)
	}
	return nil
}

func orDefault[T time.Duration | int64](v, def T) T {
	if v == 0 {
		return def
	}
	return v
}
