package events_test

import (
	"context"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/testkit"
)

func TestPublishConsumeRoundTrip(t *testing.T) {
	t.Parallel()
	testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
		stream := newStream(t, rdb)
		got := make(chan events.Envelope, 1)
		start(t, rdb, testConfig(t, stream, testkit.UniqueName(t, "g"), "c1"),
			func(_ context.Context, e events.Envelope) error { got <- e; return nil })

		sent, _ := events.NewEnvelope("candidate.profile_updated", "cand-42", 3, "candidates")
		publishEnvelope(t, rdb, stream, sent)

		select {
		case e := <-got:
			if e.ID != sent.ID || e.Type != sent.Type || e.AggregateID != sent.AggregateID ||
				e.Version != sent.Version || e.Producer != sent.Producer || !e.OccurredAt.Equal(sent.OccurredAt) {
				t.Fatalf("received %+v, want %+v", e, sent)
			}
			if e.OccurredAt.Location() != time.UTC {
				t.Fatalf("occurred_at location = %v, want UTC", e.OccurredAt.Location())
			}
		case <-time.After(waitLimit):
			t.Fatal("event not delivered")
		}
	})
}

func TestRunReturnsPromptlyOnCancel(t *testing.T) {
	t.Parallel()
	testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
		stream := newStream(t, rdb)
		stop := start(t, rdb, testConfig(t, stream, testkit.UniqueName(t, "g"), "c1"),
			func(context.Context, events.Envelope) error { return nil })
		time.Sleep(50 * time.Millisecond) // Let Run reach its blocking read.

		began := time.Now()
		if err := stop(); err != nil {
			t.Fatalf("Run returned %v, want nil", err)
		}
		// Run can only notice cancellation between reads, so allow Block plus slack.
		if took := time.Since(began); took > time.Second {
			t.Fatalf("Run took %v to return after cancel", took)
		}
	})
}

func TestShutdownLetsInFlightHandlerFinish(t *testing.T) {
	t.Parallel()
	testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
		stream := newStream(t, rdb)
		group := testkit.UniqueName(t, "g")
		entered, release := make(chan struct{}), make(chan struct{})
		handlerCtxErr := make(chan error, 1)
		cfg := testConfig(t, stream, group, "c1")
		// Give the handler room to outlast the wait below; the test's short
		// default HandlerTimeout would cancel it for its own reason.
		cfg.ClaimMinIdle, cfg.HandlerTimeout = 5*time.Second, 2*time.Second
		stop := start(t, rdb, cfg, func(ctx context.Context, _ events.Envelope) error {
			close(entered)
			<-release
			handlerCtxErr <- ctx.Err()
			return nil
		})
		_, id := publish(t, rdb, stream, "cand-1")
		<-entered

		stopped := make(chan error, 1)
		go func() { stopped <- stop() }()
		select {
		case <-stopped:
			t.Fatal("Run returned while the handler was still running")
		case <-time.After(300 * time.Millisecond):
		}
		close(release)
		if err := <-stopped; err != nil {
			t.Fatalf("Run returned %v, want nil", err)
		}
		if err := <-handlerCtxErr; err != nil {
			t.Fatalf("handler context was cancelled by shutdown: %v", err)
		}
		if !groupCaughtUp(t, rdb, stream, group, id) {
			t.Fatal("event handled during shutdown was not acknowledged")
		}
	})
}
