package events_test

import (
	"context"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// benchEvents is how many events each iteration publishes and consumes.
const benchEvents = 20_000

// BenchmarkBatchSubscriber measures how many events a second one batch
// subscriber (Batch 500) absorbs through a handler that does nothing: the
// cost of reading, de-duplicating, marking and acknowledging.
func BenchmarkBatchSubscriber(b *testing.B) {
	benchmarkSubscriber(b, func(rdb redis.UniversalClient, cfg events.SubscriberConfig, count func(int)) (*events.Subscriber, error) {
		cfg.Batch = 500
		return events.NewBatchSubscriber(rdb, cfg, func(_ context.Context, batch []events.Envelope) error {
			count(len(batch))
			return nil
		})
	})
}

// BenchmarkSingleSubscriber is the same measure for the single-event path,
// for comparison.
func BenchmarkSingleSubscriber(b *testing.B) {
	benchmarkSubscriber(b, func(rdb redis.UniversalClient, cfg events.SubscriberConfig, count func(int)) (*events.Subscriber, error) {
		return events.NewSubscriber(rdb, cfg, func(context.Context, events.Envelope) error {
			count(1)
			return nil
		})
	})
}

type newBenchSubscriber func(rdb redis.UniversalClient, cfg events.SubscriberConfig, count func(int)) (*events.Subscriber, error)

// benchmarkSubscriber publishes benchEvents events per iteration before the
// clock starts, then times one subscriber from its start until the group has
// acknowledged them all, and reports events per second.
func benchmarkSubscriber(b *testing.B, newSub newBenchSubscriber) {
	rdb := testkit.Redis(b)
	var elapsed time.Duration
	iterations := 0
	for b.Loop() {
		iterations++
		b.StopTimer()
		stream, group := testkit.UniqueName(b, "bench"), testkit.UniqueName(b, "g")
		envs, ids := publishMany(b, rdb, stream, benchEvents, candidate)
		var seen atomic.Int64
		all := make(chan struct{})
		count := func(n int) {
			if seen.Add(int64(n)) == benchEvents {
				close(all)
			}
		}
		sub, err := newSub(rdb, events.SubscriberConfig{
			Stream: stream, Group: group, Consumer: "c1",
			Block: 100 * time.Millisecond, DedupTTL: time.Minute,
			Logger: slog.New(slog.DiscardHandler),
		}, count)
		if err != nil {
			b.Fatalf("new subscriber: %v", err)
		}
		b.StartTimer()
		began := time.Now()
		stop := run(b, sub, "c1")
		<-all
		for !groupCaughtUp(b, rdb, stream, group, ids[len(ids)-1]) {
			time.Sleep(time.Millisecond)
		}
		elapsed += time.Since(began)
		b.StopTimer()
		if err := stop(); err != nil {
			b.Fatalf("Run returned %v", err)
		}
		cleanUp(b, rdb, stream, group, envs)
		b.StartTimer()
	}
	b.ReportMetric(float64(iterations*benchEvents)/elapsed.Seconds(), "events/s")
}

// cleanUp deletes an iteration's stream and dedup keys from the shared Redis.
func cleanUp(b *testing.B, rdb redis.UniversalClient, stream, group string, envs []events.Envelope) {
	pipe := rdb.Pipeline()
	pipe.Del(context.Background(), stream)
	for _, e := range envs {
		pipe.Del(context.Background(), events.DedupKey(stream, group, e.ID))
	}
	if _, err := pipe.Exec(context.Background()); err != nil {
		b.Fatalf("clean up: %v", err)
	}
}
