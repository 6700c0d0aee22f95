package events

import (
	"context"
	"errors"
	"fmt"

	"github.com/redis/go-redis/v9"
)

// EnvelopeField is the one stream-entry field that holds the envelope's JSON.
// A single field keeps the entry identical to the JSON contract, so adding an
// envelope key never changes the stream layout.
const EnvelopeField = "envelope"

// PublisherConfig tunes a Publisher. The zero value is usable.
type PublisherConfig struct {
	// MaxLen caps each stream at roughly this many entries (XADD MAXLEN ~),
	// trimming the oldest. Zero leaves streams uncapped. Pick a cap well above
	// what the slowest consumer group can fall behind by, since trimmed
	// entries are lost to groups that have not read them yet.
	MaxLen int64
}

// Publisher appends envelopes to Redis streams. It is safe for concurrent use.
type Publisher struct {
	rdb    redis.UniversalClient
	maxLen int64
}

// NewPublisher returns a Publisher writing through rdb. It fails only when the
// configuration is invalid.
func NewPublisher(rdb redis.UniversalClient, cfg PublisherConfig) (*Publisher, error) {
	if rdb == nil {
		return nil, errors.New("events: publisher needs a redis client")
	}
	if cfg.MaxLen < 0 {
		return nil, fmt.Errorf("events: publisher MaxLen %d is negative", cfg.MaxLen)
	}
	return &Publisher{rdb: rdb, maxLen: cfg.MaxLen}, nil
}

// Publish validates e and appends it to stream, returning the entry id Redis
// assigned. An invalid envelope is refused with an error wrapping
// ErrInvalidEnvelope before anything is written.
func (p *Publisher) Publish(ctx context.Context, stream string, e Envelope) (string, error) {
	if stream == "" {
		return "", errors.New("events: publish needs a stream name")
	}
	raw, err := encodeEnvelope(e)
	if err != nil {
		return "", err
	}
	args := &redis.XAddArgs{
		Stream: stream,
		Values: []any{EnvelopeField, raw},
	}
	if p.maxLen > 0 {
		// Approximate trimming lets Redis drop whole radix-tree nodes, which
		// is far cheaper than an exact cap on every append.
		args.MaxLen, args.Approx = p.maxLen, true
	}
	id, err := p.rdb.XAdd(ctx, args).Result()
	if err != nil {
		return "", fmt.Errorf("events: publish %s (event %s) to %s: %w", e.Type, e.ID, stream, err)
	}
	return id, nil
}
