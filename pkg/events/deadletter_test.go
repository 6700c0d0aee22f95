package events_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// deadLetters returns the dead letters of stream, oldest first.
func deadLetters(t *testing.T, rdb redis.UniversalClient, stream string) []events.DeadLetter {
	t.Helper()
	msgs, err := rdb.XRange(context.Background(), events.DeadLetterStream(stream), "-", "+").Result()
	if err != nil {
		t.Fatalf("XRANGE dead letters: %v", err)
	}
	out := make([]events.DeadLetter, 0, len(msgs))
	for _, m := range msgs {
		d, err := events.ParseDeadLetter(m)
		if err != nil {
			t.Fatalf("ParseDeadLetter: %v", err)
		}
		out = append(out, d)
	}
	return out
}

func TestFailingEventIsDeadLetteredAfterMaxDeliveries(t *testing.T) {
	t.Parallel()
	testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
		stream := newStream(t, rdb)
		group := testkit.UniqueName(t, "g")
		var calls atomic.Int64
		cfg := testConfig(t, stream, group, "c1")
		start(t, rdb, cfg, func(_ context.Context, e events.Envelope) error {
			calls.Add(1)
			return errors.New("matching index unavailable for event " + e.ID)
		})

		e, id := publish(t, rdb, stream, "cand-1")
		eventually(t, "the event is dead-lettered", func() bool {
			return len(deadLetters(t, rdb, stream)) > 0
		})
		dead := deadLetters(t, rdb, stream)
		if len(dead) != 1 {
			t.Fatalf("got %d dead letters, want 1", len(dead))
		}
		d := dead[0]
		if d.Group != group || d.SourceID != id || d.Deliveries != cfg.MaxDeliveries {
			t.Errorf("dead letter = %+v, want group %s, source %s, %d deliveries", d, group, id, cfg.MaxDeliveries)
		}
		if !strings.Contains(d.LastError, "matching index unavailable") {
			t.Errorf("last error = %q, want the handler's error", d.LastError)
		}
		var stored events.Envelope
		if err := json.Unmarshal([]byte(d.Envelope), &stored); err != nil || stored.ID != e.ID {
			t.Errorf("dead letter envelope = %q (%v), want event %s", d.Envelope, err, e.ID)
		}
		if got := calls.Load(); got != cfg.MaxDeliveries {
			t.Errorf("handler called %d times, want %d", got, cfg.MaxDeliveries)
		}
		eventually(t, "nothing is pending", func() bool { return groupCaughtUp(t, rdb, stream, group, id) })
	})
}

func TestMalformedEntriesAreDeadLetteredWithoutHandler(t *testing.T) {
	t.Parallel()
	testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
		stream := newStream(t, rdb)
		group := testkit.UniqueName(t, "g")
		var calls atomic.Int64
		start(t, rdb, testConfig(t, stream, group, "c1"), func(context.Context, events.Envelope) error {
			calls.Add(1)
			return nil
		})

		entries := map[string][]any{
			"not JSON":         {events.EnvelopeField, "{not json"},
			"invalid envelope": {events.EnvelopeField, `{"id":"x","type":"t","version":0}`},
			"no envelope":      {"name", "Jane Doe"},
		}
		sourceIDs := map[string]string{}
		var lastID string
		for name, values := range entries {
			id, err := rdb.XAdd(context.Background(), &redis.XAddArgs{Stream: stream, Values: values}).Result()
			if err != nil {
				t.Fatalf("XADD %s: %v", name, err)
			}
			sourceIDs[id], lastID = name, id
		}
		eventually(t, "every malformed entry is dead-lettered", func() bool {
			return len(deadLetters(t, rdb, stream)) == len(entries)
		})
		for _, d := range deadLetters(t, rdb, stream) {
			name, ok := sourceIDs[d.SourceID]
			if !ok || d.Deliveries != 1 || d.Group != group || d.LastError == "" {
				t.Errorf("dead letter %+v: want one delivery, group %s, an error, a known source", d, group)
			}
			if strings.Contains(d.Envelope+d.LastError, "Jane") {
				t.Errorf("dead letter for %q copied a non-envelope field: %+v", name, d)
			}
		}
		if got := calls.Load(); got != 0 {
			t.Errorf("handler called %d times for malformed entries", got)
		}
		eventually(t, "nothing is pending", func() bool { return groupCaughtUp(t, rdb, stream, group, lastID) })
	})
}
