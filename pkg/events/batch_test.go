package events_test

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// startBatch runs a batch subscriber until the returned stop is called or the
// test ends.
func startBatch(t *testing.T, rdb redis.UniversalClient, cfg events.SubscriberConfig, h events.BatchHandler) (stop func() error) {
	t.Helper()
	sub, err := events.NewBatchSubscriber(rdb, cfg, h)
	if err != nil {
		t.Fatalf("NewBatchSubscriber: %v", err)
	}
	return run(t, sub, cfg.Consumer)
}

// publishMany appends n fresh envelopes to stream in one round trip and
// returns them with their entry ids, in stream order. aggregate names the
// aggregate of the i-th event.
func publishMany(tb testing.TB, rdb redis.UniversalClient, stream string, n int, aggregate func(i int) string) ([]events.Envelope, []string) {
	tb.Helper()
	envs := make([]events.Envelope, n)
	cmds := make([]*redis.StringCmd, n)
	pipe := rdb.Pipeline()
	for i := range n {
		e, err := events.NewEnvelope("candidate.profile_updated", aggregate(i), 1, "candidates")
		if err != nil {
			tb.Fatalf("NewEnvelope: %v", err)
		}
		raw, err := json.Marshal(e)
		if err != nil {
			tb.Fatalf("encode envelope: %v", err)
		}
		envs[i] = e
		cmds[i] = pipe.XAdd(context.Background(), &redis.XAddArgs{
			Stream: stream, Values: []any{events.EnvelopeField, string(raw)},
		})
	}
	if _, err := pipe.Exec(context.Background()); err != nil {
		tb.Fatalf("XADD %d entries: %v", n, err)
	}
	ids := make([]string, n)
	for i, c := range cmds {
		ids[i] = c.Val()
	}
	return envs, ids
}

func candidate(i int) string { return "cand-" + string(rune('a'+i%26)) }

// batchLog records every call of a batch handler and counts, per event, the
// calls that returned nil.
type batchLog struct {
	mu      sync.Mutex
	calls   [][]string // Event ids of each call, in call order.
	handled map[string]int
	failed  func(batch []events.Envelope) error
}

func newBatchLog() *batchLog { return &batchLog{handled: map[string]int{}} }

func (l *batchLog) handler(ctx context.Context, batch []events.Envelope) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	ids := make([]string, len(batch))
	for i, e := range batch {
		ids[i] = e.ID
	}
	l.calls = append(l.calls, ids)
	if _, ok := ctx.Deadline(); !ok {
		return errors.New("batch handler context has no deadline")
	}
	if l.failed != nil {
		if err := l.failed(batch); err != nil {
			return err
		}
	}
	for _, id := range ids {
		l.handled[id]++
	}
	return nil
}

func (l *batchLog) snapshot() (calls [][]string, handled map[string]int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.calls), maps.Clone(l.handled)
}

func idsOf(envs ...events.Envelope) []string {
	out := make([]string, len(envs))
	for i, e := range envs {
		out[i] = e.ID
	}
	return out
}

func batchConfig(t *testing.T, stream, group, consumer string) events.SubscriberConfig {
	cfg := testConfig(t, stream, group, consumer)
	cfg.Batch = 50
	return cfg
}

func TestNewBatchSubscriberNeedsClientAndHandler(t *testing.T) {
	t.Parallel()
	rdb := testkit.Redis(t)
	cfg := batchConfig(t, "s", "g", "c1")
	if _, err := events.NewBatchSubscriber(rdb, cfg, nil); err == nil {
		t.Error("NewBatchSubscriber accepted a nil handler")
	}
	if _, err := events.NewBatchSubscriber(nil, cfg, newBatchLog().handler); err == nil {
		t.Error("NewBatchSubscriber accepted a nil client")
	}
	cfg.Group = ""
	if _, err := events.NewBatchSubscriber(rdb, cfg, newBatchLog().handler); err == nil {
		t.Error("NewBatchSubscriber accepted a config without a group")
	}
}

// TestBatchHandledOnceAndAcknowledged checks that the events of one read
// reach the handler in one call, in stream order, and are then all marked as
// processed and acknowledged.
func TestBatchHandledOnceAndAcknowledged(t *testing.T) {
	t.Parallel()
	testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
		stream := newStream(t, rdb)
		group := testkit.UniqueName(t, "g")
		envs, ids := publishMany(t, rdb, stream, 20, candidate)
		log := newBatchLog()
		startBatch(t, rdb, batchConfig(t, stream, group, "c1"), log.handler)

		eventually(t, "the group has acked every entry", func() bool {
			return groupCaughtUp(t, rdb, stream, group, ids[len(ids)-1])
		})
		calls, _ := log.snapshot()
		if len(calls) != 1 || !slices.Equal(calls[0], idsOf(envs...)) {
			t.Fatalf("handler calls = %v, want one call with the 20 events in stream order", calls)
		}
		for _, e := range envs {
			key := events.DedupKey(stream, group, e.ID)
			if ttl, err := rdb.TTL(context.Background(), key).Result(); err != nil || ttl <= 0 {
				t.Errorf("dedup key %s has TTL %v (%v), want a positive expiry", key, ttl, err)
			}
		}
	})
}

// TestBatchSkipsDuplicates checks both kinds of duplicate: an event repeated
// within one read reaches the handler once, and an event the group processed
// in an earlier read does not reach it again; both entries are acknowledged.
func TestBatchSkipsDuplicates(t *testing.T) {
	t.Parallel()
	testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
		stream := newStream(t, rdb)
		group := testkit.UniqueName(t, "g")
		envs, _ := publishMany(t, rdb, stream, 3, candidate)
		a, b, c := envs[0], envs[1], envs[2]
		publishEnvelope(t, rdb, stream, a)
		last := publishEnvelope(t, rdb, stream, b)
		log := newBatchLog()
		stop := startBatch(t, rdb, batchConfig(t, stream, group, "c1"), log.handler)
		eventually(t, "the first read is acked", func() bool { return groupCaughtUp(t, rdb, stream, group, last) })
		if err := stop(); err != nil {
			t.Fatalf("Run returned %v", err)
		}

		publishEnvelope(t, rdb, stream, c) // Processed in the first read.
		d, _ := publish(t, rdb, stream, "cand-d")
		last = publishEnvelope(t, rdb, stream, a) // Processed too.
		startBatch(t, rdb, batchConfig(t, stream, group, "c2"), log.handler)
		eventually(t, "the second read is acked", func() bool { return groupCaughtUp(t, rdb, stream, group, last) })

		calls, handled := log.snapshot()
		want := [][]string{idsOf(a, b, c), idsOf(d)}
		if !slices.EqualFunc(calls, want, slices.Equal[[]string]) {
			t.Errorf("handler calls = %v, want %v", calls, want)
		}
		for _, e := range []events.Envelope{a, b, c, d} {
			if handled[e.ID] != 1 {
				t.Errorf("event %s handled %d times, want 1", e.ID, handled[e.ID])
			}
		}
	})
}

// TestFailedBatchIsolatesPoisonEvent publishes one event the handler can
// never process among good ones: the batch fails, its events are handled one
// at a time, the good ones are acknowledged once each, and only the poison
// event is dead-lettered after MaxDeliveries deliveries.
func TestFailedBatchIsolatesPoisonEvent(t *testing.T) {
	t.Parallel()
	testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
		stream := newStream(t, rdb)
		group := testkit.UniqueName(t, "g")
		const poisonAt = 4
		envs, ids := publishMany(t, rdb, stream, 10, func(i int) string {
			if i == poisonAt {
				return "poison"
			}
			return candidate(i)
		})
		poison := envs[poisonAt]
		log := newBatchLog()
		log.failed = func(batch []events.Envelope) error {
			for _, e := range batch {
				if e.AggregateID == "poison" {
					return errors.New("cannot fold event " + e.ID)
				}
			}
			return nil
		}
		cfg := batchConfig(t, stream, group, "c1")
		startBatch(t, rdb, cfg, log.handler)

		eventually(t, "the poison event is dead-lettered and nothing is pending", func() bool {
			return len(deadLetters(t, rdb, stream)) > 0 && groupCaughtUp(t, rdb, stream, group, ids[len(ids)-1])
		})
		dead := deadLetters(t, rdb, stream)
		if len(dead) != 1 {
			t.Fatalf("got %d dead letters, want 1: %+v", len(dead), dead)
		}
		if d := dead[0]; d.SourceID != ids[poisonAt] || d.Group != group || d.Deliveries != cfg.MaxDeliveries ||
			!strings.Contains(d.LastError, "cannot fold event "+poison.ID) {
			t.Errorf("dead letter = %+v, want entry %s of group %s after %d deliveries with the handler's error",
				d, ids[poisonAt], group, cfg.MaxDeliveries)
		}
		calls, handled := log.snapshot()
		if len(calls) == 0 || !slices.Equal(calls[0], idsOf(envs...)) {
			t.Errorf("first handler call = %v, want the whole read", calls[:min(1, len(calls))])
		}
		alone := 0
		for _, c := range calls {
			if slices.Equal(c, []string{poison.ID}) {
				alone++
			}
		}
		if alone != int(cfg.MaxDeliveries) {
			t.Errorf("poison event handled alone %d times, want once per delivery (%d)", alone, cfg.MaxDeliveries)
		}
		for i, e := range envs {
			want := 1
			if i == poisonAt {
				want = 0
			}
			if handled[e.ID] != want {
				t.Errorf("event %d handled %d times, want %d", i, handled[e.ID], want)
			}
		}
	})
}
