package events_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestBatchReclaimsFromDeadConsumer leaves entries pending with a consumer
// that read them and died, one of them after its last allowed delivery, and
// checks that a batch subscriber of the same group claims them back: the
// others reach its handler together in one call, and the exhausted one is
// dead-lettered without reaching it.
func TestBatchReclaimsFromDeadConsumer(t *testing.T) {
	t.Parallel()
	testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
		stream := newStream(t, rdb)
		group := testkit.UniqueName(t, "g")
		ctx := context.Background()
		envs, ids := publishMany(t, rdb, stream, 6, candidate)
		if err := rdb.XGroupCreateMkStream(ctx, stream, group, "0").Err(); err != nil {
			t.Fatalf("XGROUP CREATE: %v", err)
		}
		if err := rdb.Do(ctx, "XREADGROUP", "GROUP", group, "dead", "COUNT", 10, "STREAMS", stream, ">").Err(); err != nil {
			t.Fatalf("XREADGROUP as the dead consumer: %v", err)
		}
		cfg := batchConfig(t, stream, group, "c1")
		const exhaustedAt = 2
		// The dead consumer was on the entry's last allowed delivery.
		err := rdb.Do(ctx, "XCLAIM", stream, group, "dead", 0, ids[exhaustedAt],
			"IDLE", 0, "RETRYCOUNT", cfg.MaxDeliveries).Err()
		if err != nil {
			t.Fatalf("XCLAIM RETRYCOUNT: %v", err)
		}
		if n := pending(t, rdb, stream, group); n != 6 {
			t.Fatalf("%d entries pending before the claim, want 6", n)
		}

		log := newBatchLog()
		startBatch(t, rdb, cfg, log.handler)
		eventually(t, "every entry is acked or dead-lettered", func() bool {
			return groupCaughtUp(t, rdb, stream, group, ids[len(ids)-1])
		})

		alive := slices.Delete(slices.Clone(envs), exhaustedAt, exhaustedAt+1)
		calls, handled := log.snapshot()
		if len(calls) != 1 || !slices.Equal(calls[0], idsOf(alive...)) {
			t.Errorf("handler calls = %v, want one call with the 5 claimable events in stream order", calls)
		}
		for _, e := range alive {
			if handled[e.ID] != 1 {
				t.Errorf("event %s handled %d times, want 1", e.ID, handled[e.ID])
			}
		}
		dead := deadLetters(t, rdb, stream)
		if len(dead) != 1 || dead[0].SourceID != ids[exhaustedAt] || dead[0].Deliveries != cfg.MaxDeliveries ||
			!strings.Contains(dead[0].LastError, "not acknowledged") {
			t.Errorf("dead letters = %+v, want entry %s after %d deliveries", dead, ids[exhaustedAt], cfg.MaxDeliveries)
		}
	})
}

// TestBatchShutdownMidStreamLosesNothing stops a batch subscriber while its
// handler holds the first of many batches: the batch in hand finishes and is
// acknowledged, nothing else is taken, and a new subscriber of the group
// handles every remaining event, each exactly once.
func TestBatchShutdownMidStreamLosesNothing(t *testing.T) {
	t.Parallel()
	testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
		stream := newStream(t, rdb)
		group := testkit.UniqueName(t, "g")
		envs, ids := publishMany(t, rdb, stream, 100, candidate)
		cfg := batchConfig(t, stream, group, "c1")
		cfg.Batch = 10
		// Give the handler room to outlast the wait below.
		cfg.ClaimMinIdle, cfg.HandlerTimeout = 5*time.Second, 2*time.Second

		log := newBatchLog()
		entered, release := make(chan struct{}), make(chan struct{})
		handlerCtxErr := make(chan error, 1)
		first := true // Touched by Run's goroutine only.
		sub, err := events.NewBatchSubscriber(rdb, cfg, func(ctx context.Context, batch []events.Envelope) error {
			if first {
				first = false
				close(entered)
				<-release
				handlerCtxErr <- ctx.Err()
			}
			return log.handler(ctx, batch)
		})
		if err != nil {
			t.Fatalf("NewBatchSubscriber: %v", err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- sub.Run(ctx) }()
		<-entered
		cancel() // Shutdown begins while the first batch is in hand.
		close(release)
		if err := <-done; err != nil {
			t.Fatalf("Run returned %v, want nil", err)
		}
		if err := <-handlerCtxErr; err != nil {
			t.Fatalf("batch handler context was cancelled by shutdown: %v", err)
		}
		if n := pending(t, rdb, stream, group); n != 0 {
			t.Fatalf("%d entries pending after shutdown, want the batch in hand acked and nothing else taken", n)
		}
		calls, _ := log.snapshot()
		if len(calls) != 1 || !slices.Equal(calls[0], idsOf(envs[:10]...)) {
			t.Fatalf("handler calls before shutdown = %v, want the first 10 events once", calls)
		}

		startBatch(t, rdb, batchConfig(t, stream, group, "c2"), log.handler)
		eventually(t, "the new subscriber acks the rest", func() bool {
			return groupCaughtUp(t, rdb, stream, group, ids[len(ids)-1])
		})
		calls, handled := log.snapshot()
		if got := slices.Concat(calls...); !slices.Equal(got, idsOf(envs...)) {
			t.Errorf("events handled in order %v, want each of the 100 once in stream order", got)
		}
		for i, e := range envs {
			if handled[e.ID] != 1 {
				t.Errorf("event %d handled %d times, want 1", i, handled[e.ID])
			}
		}
	})
}
