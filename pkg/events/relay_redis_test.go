package events_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// streamOutbox is an outbox in memory whose events go to one stream.
type streamOutbox struct {
	mu      sync.Mutex
	pending []events.Envelope
	pub     *events.Publisher
	stream  string
}

func (o *streamOutbox) PendingEvents(_ context.Context, limit int) ([]events.Envelope, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]events.Envelope(nil), o.pending[:min(limit, len(o.pending))]...), nil
}

func (o *streamOutbox) MarkPublished(_ context.Context, e events.Envelope) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	for i, p := range o.pending {
		if p.ID == e.ID {
			o.pending = append(o.pending[:i:i], o.pending[i+1:]...)
			break
		}
	}
	return nil
}

func (o *streamOutbox) Publish(ctx context.Context, e events.Envelope) error {
	_, err := o.pub.Publish(ctx, o.stream, e)
	return err
}

// TestRelayedEventsReachTheConsumerOnce relays events a crash left in the
// outbox through a real Publisher, twice (as two replicas might), and
// checks that a subscribing group handles each exactly once.
func TestRelayedEventsReachTheConsumerOnce(t *testing.T) {
	t.Parallel()
	testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
		stream, group := newStream(t, rdb), testkit.UniqueName(t, "g")
		pub, err := events.NewPublisher(rdb, events.PublisherConfig{})
		if err != nil {
			t.Fatal(err)
		}
		outbox := &streamOutbox{pub: pub, stream: stream}
		for _, id := range []string{"cand-1", "cand-2", "cand-3"} {
			e, err := events.NewEnvelope("candidate.profile_updated", id, 1, "candidates")
			if err != nil {
				t.Fatal(err)
			}
			e.OccurredAt = time.Now().Add(-time.Minute)
			outbox.pending = append(outbox.pending, e)
		}
		left := append([]events.Envelope(nil), outbox.pending...)
		done := newTally()
		start(t, rdb, testConfig(t, stream, group, "c1"), done.recorder(group))
		res, err := events.Relay(context.Background(), outbox, outbox, time.Second, time.Now())
		if err != nil || res.Published != 3 {
			t.Fatalf("relay: %+v, %v; want 3 published", res, err)
		}
		var lastID string
		for _, e := range left { // A second replica relays the same events again.
			lastID = publishEnvelope(t, rdb, stream, e)
		}
		eventually(t, "every relayed entry is acknowledged", func() bool {
			return groupCaughtUp(t, rdb, stream, group, lastID)
		})
		for _, e := range left {
			if got := done.get(group, e.ID); got != 1 {
				t.Errorf("event of %s handled %d times, want 1", e.AggregateID, got)
			}
		}
	})
}
