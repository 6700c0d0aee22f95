package events_test

import (
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// waitLimit bounds every poll; generous so a loaded CI machine does not flake.
const waitLimit = 10 * time.Second

// newStream returns a fresh stream name; the stream and its dead-letter
// stream are deleted when the test ends, in one DEL, which a Redis Cluster
// refuses (CROSSSLOT) unless the dead-letter stream shares the stream's
// slot.
func newStream(t *testing.T, rdb redis.UniversalClient) string {
	t.Helper()
	stream := testkit.UniqueName(t, "s")
	t.Cleanup(func() {
		if err := rdb.Del(context.Background(), stream, events.DeadLetterStream(stream)).Err(); err != nil {
			t.Errorf("delete stream and dead letters: %v", err)
		}
	})
	return stream
}

// testConfig keeps redelivery fast so the suite stays quick.
func testConfig(t *testing.T, stream, group, consumer string) events.SubscriberConfig {
	return events.SubscriberConfig{
		Stream:        stream,
		Group:         group,
		Consumer:      consumer,
		Block:         100 * time.Millisecond,
		ClaimMinIdle:  200 * time.Millisecond,
		MaxDeliveries: 3,
		DedupTTL:      time.Minute,
		Logger:        slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
}

// start runs a subscriber until the returned stop is called or the test ends.
// stop cancels Run, waits for it and returns its error.
func start(t *testing.T, rdb redis.UniversalClient, cfg events.SubscriberConfig, h events.Handler) (stop func() error) {
	t.Helper()
	sub, err := events.NewSubscriber(rdb, cfg, h)
	if err != nil {
		t.Fatalf("NewSubscriber: %v", err)
	}
	return run(t, sub, cfg.Consumer)
}

// run runs sub until the returned stop is called or the test ends. stop
// cancels Run, waits for it and returns its error.
func run(t testing.TB, sub *events.Subscriber, consumer string) (stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- sub.Run(ctx) }()
	var once sync.Once
	var runErr error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case runErr = <-done:
			case <-time.After(waitLimit):
				t.Errorf("Run of %s did not return after cancel", consumer)
			}
		})
		return runErr
	}
	t.Cleanup(func() { _ = stop() })
	return stop
}

// publish stores a fresh envelope of the given aggregate and returns it with
// its entry id.
func publish(t *testing.T, rdb redis.UniversalClient, stream, aggregateID string) (events.Envelope, string) {
	t.Helper()
	e, err := events.NewEnvelope("candidate.profile_updated", aggregateID, 1, "candidates")
	if err != nil {
		t.Fatalf("NewEnvelope: %v", err)
	}
	return e, publishEnvelope(t, rdb, stream, e)
}

func publishEnvelope(t *testing.T, rdb redis.UniversalClient, stream string, e events.Envelope) string {
	t.Helper()
	pub, err := events.NewPublisher(rdb, events.PublisherConfig{})
	if err != nil {
		t.Fatalf("NewPublisher: %v", err)
	}
	id, err := pub.Publish(context.Background(), stream, e)
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	return id
}

// eventually polls cond until it holds or waitLimit passes.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// pending returns how many entries the group has delivered but not acked.
func pending(t *testing.T, rdb redis.UniversalClient, stream, group string) int64 {
	t.Helper()
	p, err := rdb.XPending(context.Background(), stream, group).Result()
	if err != nil {
		t.Fatalf("XPENDING %s %s: %v", stream, group, err)
	}
	return p.Count
}

// groupCaughtUp reports whether the group has read up to lastID and acked
// everything, that is, it has nothing left to do.
func groupCaughtUp(t testing.TB, rdb redis.UniversalClient, stream, group, lastID string) bool {
	t.Helper()
	groups, err := rdb.XInfoGroups(context.Background(), stream).Result()
	if err != nil {
		return false
	}
	for _, g := range groups {
		if g.Name == group {
			return g.LastDeliveredID == lastID && g.Pending == 0
		}
	}
	return false
}

// tally counts successful handler completions per group and event id.
type tally struct {
	mu     sync.Mutex
	counts map[string]int
}

func newTally() *tally { return &tally{counts: map[string]int{}} }

func (c *tally) add(group, eventID string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.counts[group+"/"+eventID]++
}

func (c *tally) get(group, eventID string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.counts[group+"/"+eventID]
}

// recorder returns a handler that records each completion in c under group.
func (c *tally) recorder(group string) events.Handler {
	return func(_ context.Context, e events.Envelope) error {
		c.add(group, e.ID)
		return nil
	}
}
