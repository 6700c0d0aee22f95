package events_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestKilledConsumerEventHandledOncePerGroup kills a consumer of group A
// inside its handler, before it can acknowledge, and checks that another
// consumer of A claims the event back while group B is unaffected: one
// completed handling per group and nothing left pending.
func TestKilledConsumerEventHandledOncePerGroup(t *testing.T) {
	t.Parallel()
	testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
		stream := newStream(t, rdb)
		groupA, groupB := testkit.UniqueName(t, "a"), testkit.UniqueName(t, "b")
		done := newTally()

		entered := make(chan struct{})
		var stopA1 func() error
		var killed atomic.Bool
		stopA1 = start(t, rdb, testConfig(t, stream, groupA, "a1"), func(context.Context, events.Envelope) error {
			if killed.CompareAndSwap(false, true) {
				close(entered)
			}
			// Stop Run from here, then fail before the side effect, as a process
			// dying mid-handler would.
			go func() { _ = stopA1() }()
			return errors.New("consumer a1 killed before ack")
		})
		start(t, rdb, testConfig(t, stream, groupB, "b1"), done.recorder(groupB))

		e, id := publish(t, rdb, stream, "cand-1")
		select {
		case <-entered:
		case <-time.After(waitLimit):
			t.Fatal("consumer a1 never received the event")
		}
		if err := stopA1(); err != nil {
			t.Fatalf("a1 Run returned %v", err)
		}
		if n := pending(t, rdb, stream, groupA); n != 1 {
			t.Fatalf("group A has %d pending entries after a1 died, want 1", n)
		}
		if got := done.get(groupA, e.ID); got != 0 {
			t.Fatalf("group A completed the event %d times before a2 started", got)
		}

		start(t, rdb, testConfig(t, stream, groupA, "a2"), done.recorder(groupA))
		eventually(t, "both groups have acked the event", func() bool {
			return groupCaughtUp(t, rdb, stream, groupA, id) && groupCaughtUp(t, rdb, stream, groupB, id)
		})
		for _, g := range []string{groupA, groupB} {
			if got := done.get(g, e.ID); got != 1 {
				t.Errorf("group %s completed the event %d times, want 1", g, got)
			}
			if n := pending(t, rdb, stream, g); n != 0 {
				t.Errorf("group %s still has %d pending entries", g, n)
			}
		}
	})
}
