package events

import (
	"context"
	"fmt"
	"slices"

	"github.com/redis/go-redis/v9"
)

// callBatch runs the batch handler under HandlerTimeout, which stays below
// ClaimMinIdle so that no other consumer claims the batch while it runs.
func (s *Subscriber) callBatch(ctx context.Context, batch []Envelope) error {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.HandlerTimeout)
	defer cancel()
	return s.batch(ctx, batch)
}

// commitBatch marks every event of a handled batch as processed and then
// acknowledges its entries, repeats included, in one round trip. Marking
// before acknowledging means a crash in between is caught by the dedup check
// on redelivery instead of running the handler again.
func (s *Subscriber) commitBatch(ctx context.Context, entries []batchEntry) error {
	pipe := s.rdb.Pipeline()
	var marks []*redis.StatusCmd
	var ids []string
	for _, en := range entries {
		switch en.state {
		case stateFresh:
			marks = append(marks, pipe.Set(ctx, s.dedupKey(en.env.ID), en.msg.ID, s.cfg.DedupTTL))
		case stateRepeat:
		default:
			continue
		}
		ids = append(ids, en.msg.ID)
	}
	ack := pipe.XAck(ctx, s.cfg.Stream, s.cfg.Group, ids...)
	_, _ = pipe.Exec(ctx) // Each command's own error is read below.
	if err := ack.Err(); err != nil {
		return fmt.Errorf("events: ack %d entries from %s: %w", len(ids), ids[0], err)
	}
	unmarked := 0
	for _, m := range marks {
		if m.Err() != nil {
			unmarked++
		}
	}
	if unmarked > 0 {
		s.log.Warn("events: could not mark handled events as processed",
			"events", unmarked, "first_entry_id", ids[0])
	}
	s.log.Debug("events: batch handled", "events", len(marks), "first_entry_id", ids[0])
	return nil
}

// ackState acknowledges, in one command, the entries in the given state.
func (s *Subscriber) ackState(ctx context.Context, entries []batchEntry, state entryState) error {
	var ids []string
	for _, en := range entries {
		if en.state == state {
			ids = append(ids, en.msg.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	if state == stateSeen {
		s.log.Info("events: events already processed by this group; acknowledging",
			"events", len(ids), "first_entry_id", ids[0])
	}
	if err := s.rdb.XAck(ctx, s.cfg.Stream, s.cfg.Group, ids...).Err(); err != nil {
		return fmt.Errorf("events: ack %d entries from %s: %w", len(ids), ids[0], err)
	}
	return nil
}

// oneByOne takes the entries in the given states through the single-event
// path, in stream order, where the batch handler sees each in a batch of one.
// Like Run's reads, it stops between entries on shutdown and leaves the rest
// pending for a claim.
func (s *Subscriber) oneByOne(ctx context.Context, entries []batchEntry, states ...entryState) error {
	for _, en := range entries {
		if !slices.Contains(states, en.state) {
			continue
		}
		if ctx.Err() != nil {
			return nil
		}
		if err := s.handle(ctx, en.msg, en.deliveries); err != nil {
			return err
		}
	}
	return nil
}

// envelopesIn returns the envelopes of the entries in the given state, in
// stream order.
func envelopesIn(entries []batchEntry, state entryState) []Envelope {
	var out []Envelope
	for _, en := range entries {
		if en.state == state {
			out = append(out, en.env)
		}
	}
	return out
}

// handleClaimed takes claimed entries through the batch path, reading their
// delivery counts in one round trip. Entries acknowledged by their old
// consumer since the claim are skipped.
func (s *Subscriber) handleClaimed(ctx context.Context, msgs []redis.XMessage) error {
	if ctx.Err() != nil || len(msgs) == 0 {
		return nil
	}
	pipe := s.rdb.Pipeline()
	cmds := make([]*redis.XPendingExtCmd, len(msgs))
	for i, msg := range msgs {
		cmds[i] = pipe.XPendingExt(ctx, &redis.XPendingExtArgs{
			Stream: s.cfg.Stream, Group: s.cfg.Group, Start: msg.ID, End: msg.ID, Count: 1,
		})
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return fmt.Errorf("events: delivery counts of %d claimed entries: %w", len(msgs), err)
	}
	kept := make([]redis.XMessage, 0, len(msgs))
	counts := make([]int64, 0, len(msgs))
	for i, msg := range msgs {
		if p := cmds[i].Val(); len(p) > 0 && p[0].RetryCount > 0 {
			kept = append(kept, msg)
			counts = append(counts, p[0].RetryCount)
		}
	}
	return s.handleBatch(ctx, kept, counts)
}
