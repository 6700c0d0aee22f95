package events

import (
	"context"
	"errors"
	"fmt"

	"github.com/redis/go-redis/v9"
)

// BatchHandler processes the events of one read together, in stream order,
// which lets a consumer fold many events into one write. Returning nil
// acknowledges every event of the batch: the Subscriber then marks them all
// as processed and acknowledges their entries in one round trip.
//
// Returning an error acknowledges none of them. The Subscriber then hands the
// same events to the handler again one at a time, each in a batch of one, so
// that one event the handler cannot process does not hold back the others:
// each event that succeeds alone is acknowledged, and each that fails alone
// stays pending and follows the rules of [Handler], redelivered after
// ClaimMinIdle until its MaxDeliveries-th failure sends it to the dead-letter
// stream. A failed batch may have been applied in part before it failed, and
// delivery is at least once anyway, so a batch handler must be idempotent per
// event. The error's text is logged and may be stored in the dead-letter
// stream, so it must name ids only, never personal data.
//
// ctx carries the values of Run's context but not its cancellation, and it
// expires after HandlerTimeout, which bounds one call and therefore a whole
// batch: a batch handler must finish a full batch of SubscriberConfig.Batch
// events within HandlerTimeout. The handler must not keep batch after it
// returns.
type BatchHandler func(ctx context.Context, batch []Envelope) error

// NewBatchSubscriber checks cfg, fills its defaults and returns a Subscriber
// that calls handler once per read with up to cfg.Batch events, instead of
// once per event. Raise cfg.Batch (to a few hundred, say) to absorb a busy
// stream: a batch costs about three Redis round trips whatever its size, where
// the single-event path costs four per event. Nothing touches Redis until Run.
//
// Entries that cannot be decoded are dead-lettered without reaching the
// handler, and events this group has already processed are acknowledged
// without it, exactly as with NewSubscriber. Entries claimed back from idle
// consumers go through the same batch path as fresh reads.
func NewBatchSubscriber(rdb redis.UniversalClient, cfg SubscriberConfig, handler BatchHandler) (*Subscriber, error) {
	if handler == nil {
		return nil, errors.New("events: subscriber needs a redis client and a handler")
	}
	// The single-event path, which handles the entries of a failed batch one
	// by one, calls the batch handler with a batch of one.
	one := func(ctx context.Context, e Envelope) error { return handler(ctx, []Envelope{e}) }
	s, err := NewSubscriber(rdb, cfg, one)
	if err != nil {
		return nil, err
	}
	s.batch = handler
	return s, nil
}

// entryState says what the batch path does with one delivered entry.
type entryState int

const (
	// stateFresh entries go to the batch handler.
	stateFresh entryState = iota
	// stateSeen entries carry an event this group already processed; they
	// are acknowledged without the handler.
	stateSeen
	// stateRepeat entries carry the same event as an earlier fresh entry of
	// the batch; they are acknowledged once that entry is.
	stateRepeat
	// stateOverLimit entries were claimed after their last allowed delivery;
	// the single-event path dead-letters them unless already processed.
	stateOverLimit
)

// batchEntry is one decoded entry on its way through the batch path.
type batchEntry struct {
	msg        redis.XMessage
	env        Envelope
	deliveries int64
	state      entryState
}

// handleBatch takes the entries of one read or claim to their outcomes.
// deliveries holds each entry's delivery count, or is nil for a fresh read,
// which is every entry's first delivery. A returned error is a Redis failure,
// which Run answers with a backoff; entries not yet acknowledged then stay
// pending and are claimed back after ClaimMinIdle.
func (s *Subscriber) handleBatch(ctx context.Context, msgs []redis.XMessage, deliveries []int64) error {
	if ctx.Err() != nil || len(msgs) == 0 {
		return nil // Shutting down: the entries stay pending for a claim.
	}
	// As on the single path, shutdown must not interrupt a batch half way.
	work := context.WithoutCancel(ctx)
	entries, err := s.decodeBatch(work, msgs, deliveries)
	if err != nil {
		return err
	}
	if err := s.markDuplicates(work, entries); err != nil {
		return err
	}
	if err := s.ackState(work, entries, stateSeen); err != nil {
		return err
	}
	fresh := envelopesIn(entries, stateFresh)
	if len(fresh) > 1 {
		err := s.callBatch(work, fresh)
		if err == nil {
			if err := s.commitBatch(work, entries); err != nil {
				return err
			}
			return s.oneByOne(ctx, entries, stateOverLimit)
		}
		s.log.Warn("events: batch handler failed; handling its events one at a time",
			"events", len(fresh), "first_entry_id", entries[0].msg.ID, "error", err)
	}
	// A batch of one is not worth calling twice, so it goes straight here.
	return s.oneByOne(ctx, entries, stateFresh, stateRepeat, stateOverLimit)
}

// decodeBatch decodes the entries, dead-letters the malformed ones as the
// single path does, and returns the rest in stream order.
func (s *Subscriber) decodeBatch(ctx context.Context, msgs []redis.XMessage, deliveries []int64) ([]batchEntry, error) {
	entries := make([]batchEntry, 0, len(msgs))
	for i, msg := range msgs {
		n := int64(1)
		if deliveries != nil {
			n = deliveries[i]
		}
		raw, _ := msg.Values[EnvelopeField].(string)
		e, err := decodeEnvelope(raw)
		if err != nil {
			if err := s.deadLetter(ctx, msg.ID, raw, n, err); err != nil {
				return nil, err
			}
			continue
		}
		entries = append(entries, batchEntry{msg: msg, env: e, deliveries: n})
	}
	return entries, nil
}

// markDuplicates sets each entry's state, checking the dedup keys of the
// whole batch in one round trip.
func (s *Subscriber) markDuplicates(ctx context.Context, entries []batchEntry) error {
	if len(entries) == 0 {
		return nil
	}
	pipe := s.rdb.Pipeline()
	seen := make([]*redis.IntCmd, len(entries))
	for i, en := range entries {
		seen[i] = pipe.Exists(ctx, s.dedupKey(en.env.ID))
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return fmt.Errorf("events: check dedup keys of %d events: %w", len(entries), err)
	}
	inBatch := make(map[string]bool, len(entries))
	for i := range entries {
		en := &entries[i]
		switch {
		case seen[i].Val() > 0:
			en.state = stateSeen
		case en.deliveries > s.cfg.MaxDeliveries:
			en.state = stateOverLimit
		case inBatch[en.env.ID]:
			en.state = stateRepeat
		default:
			en.state = stateFresh
			inBatch[en.env.ID] = true
		}
	}
	return nil
}
