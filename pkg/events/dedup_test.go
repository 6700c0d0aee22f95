package events_test

import (
	"context"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/testkit"
)

func TestDuplicateEventIDHandledOncePerGroup(t *testing.T) {
	t.Parallel()
	testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
		stream := newStream(t, rdb)
		groupA, groupB := testkit.UniqueName(t, "a"), testkit.UniqueName(t, "b")
		done := newTally()
		start(t, rdb, testConfig(t, stream, groupA, "a1"), done.recorder(groupA))
		start(t, rdb, testConfig(t, stream, groupB, "b1"), done.recorder(groupB))

		e, first := publish(t, rdb, stream, "cand-1")
		second := publishEnvelope(t, rdb, stream, e) // Same event id, new entry.
		if first == second {
			t.Fatal("the duplicate was not stored as a second entry")
		}
		eventually(t, "both groups have acked both entries", func() bool {
			return groupCaughtUp(t, rdb, stream, groupA, second) && groupCaughtUp(t, rdb, stream, groupB, second)
		})
		for _, g := range []string{groupA, groupB} {
			if got := done.get(g, e.ID); got != 1 {
				t.Errorf("group %s handled event %s %d times, want 1", g, e.ID, got)
			}
			key := events.DedupKey(stream, g, e.ID)
			if ttl, err := rdb.TTL(context.Background(), key).Result(); err != nil || ttl <= 0 {
				t.Errorf("dedup key %s has TTL %v (%v), want a positive expiry", key, ttl, err)
			}
		}
	})
}
