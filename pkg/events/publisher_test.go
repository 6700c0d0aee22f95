package events_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/testkit"
)

func TestPublishStoresEnvelopeJSONInOneField(t *testing.T) {
	t.Parallel()
	testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
		stream := newStream(t, rdb)
		e, id := publish(t, rdb, stream, "cand-1")
		msgs, err := rdb.XRange(context.Background(), stream, id, id).Result()
		if err != nil || len(msgs) != 1 {
			t.Fatalf("XRANGE = %v, %v; want the published entry", msgs, err)
		}
		if len(msgs[0].Values) != 1 {
			t.Fatalf("entry fields = %v, want only %q", msgs[0].Values, events.EnvelopeField)
		}
		var stored events.Envelope
		if err := json.Unmarshal([]byte(msgs[0].Values[events.EnvelopeField].(string)), &stored); err != nil {
			t.Fatalf("stored envelope is not JSON: %v", err)
		}
		if stored.ID != e.ID || stored.AggregateID != "cand-1" {
			t.Fatalf("stored %+v, want %+v", stored, e)
		}
	})
}

func TestPublishRefusesInvalidEnvelope(t *testing.T) {
	t.Parallel()
	testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
		stream := newStream(t, rdb)
		pub, _ := events.NewPublisher(rdb, events.PublisherConfig{})
		e, _ := events.NewEnvelope("t", "a", 1, "p")
		e.Version = 0
		if _, err := pub.Publish(context.Background(), stream, e); !errors.Is(err, events.ErrInvalidEnvelope) {
			t.Fatalf("err = %v, want ErrInvalidEnvelope", err)
		}
		if n, _ := rdb.XLen(context.Background(), stream).Result(); n != 0 {
			t.Fatalf("stream has %d entries after a refused publish", n)
		}
	})
}

func TestPublishCapsStreamApproximately(t *testing.T) {
	t.Parallel()
	testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
		stream := newStream(t, rdb)
		pub, err := events.NewPublisher(rdb, events.PublisherConfig{MaxLen: 10})
		if err != nil {
			t.Fatalf("NewPublisher: %v", err)
		}
		e, _ := events.NewEnvelope("t", "a", 1, "p")
		const published = 1000
		for range published {
			if _, err := pub.Publish(context.Background(), stream, e); err != nil {
				t.Fatalf("Publish: %v", err)
			}
		}
		// "~" trims whole macro nodes (100 entries by default), so expect the
		// cap plus at most about one node.
		if n, _ := rdb.XLen(context.Background(), stream).Result(); n < 10 || n > 200 {
			t.Fatalf("stream length = %d after %d publishes with MaxLen 10", n, published)
		}
	})
}

func TestNewPublisherRejectsNegativeMaxLen(t *testing.T) {
	t.Parallel()
	if _, err := events.NewPublisher(nil, events.PublisherConfig{}); err == nil {
		t.Error("nil client accepted")
	}
	if _, err := events.NewPublisher(testkit.Redis(t), events.PublisherConfig{MaxLen: -1}); err == nil {
		t.Error("negative MaxLen accepted")
	}
}
