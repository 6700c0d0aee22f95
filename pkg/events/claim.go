package events

import (
	"context"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// claimState remembers where the last XAUTOCLAIM scan of the pending list
// stopped and when it ran, so claiming costs one command per interval rather
// than one per read.
type claimState struct {
	cursor string
	last   time.Time
}

// reset restarts the scan, for instance after the group was recreated and the
// old cursor no longer means anything.
func (c *claimState) reset() {
	c.cursor = "0-0"
	c.last = time.Time{}
}

// claimIdle takes over entries that have been pending for at least
// ClaimMinIdle, whichever consumer they were delivered to, and handles them.
// That is how entries of dead consumers and entries whose handler failed get
// redelivered.
func (s *Subscriber) claimIdle(ctx context.Context) error {
	if time.Since(s.claim.last) < s.cfg.ClaimMinIdle/2 {
		return nil
	}
	if s.claim.cursor == "" {
		s.claim.cursor = "0-0"
	}
	msgs, next, err := s.rdb.XAutoClaim(ctx, &redis.XAutoClaimArgs{
		Stream:   s.cfg.Stream,
		Group:    s.cfg.Group,
		Consumer: s.cfg.Consumer,
		MinIdle:  s.cfg.ClaimMinIdle,
		Start:    s.claim.cursor,
		Count:    s.cfg.Batch,
	}).Result()
	if err != nil {
		return fmt.Errorf("events: claim idle entries: %w", err)
	}
	s.claim.cursor = next
	if next == "0-0" {
		s.claim.last = time.Now() // Scan complete; rest until the next interval.
	}
	if s.batch != nil {
		return s.handleClaimed(ctx, msgs)
	}
	for _, msg := range msgs {
		if ctx.Err() != nil {
			return nil
		}
		deliveries, err := s.deliveries(ctx, msg.ID)
		if err != nil {
			return err
		}
		if deliveries == 0 {
			continue // Acknowledged by its old consumer since the claim.
		}
		if err := s.handle(ctx, msg, deliveries); err != nil {
			return err
		}
	}
	return nil
}

// deliveries reads an entry's delivery count from the pending list. The claim
// has already counted itself, so the result includes the delivery in hand.
// It is 0 when the entry is no longer pending.
func (s *Subscriber) deliveries(ctx context.Context, entryID string) (int64, error) {
	pending, err := s.rdb.XPendingExt(ctx, &redis.XPendingExtArgs{
		Stream: s.cfg.Stream,
		Group:  s.cfg.Group,
		Start:  entryID,
		End:    entryID,
		Count:  1,
	}).Result()
	if err != nil {
		return 0, fmt.Errorf("events: delivery count of entry %s: %w", entryID, err)
	}
	if len(pending) == 0 {
		return 0, nil
	}
	return pending[0].RetryCount, nil
}
