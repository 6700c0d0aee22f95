package events_test

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestGroupRecreatedAfterNOGROUP removes the group, or the whole stream as a
// flushed or restarted Redis would, under a running subscriber and checks
// that it recreates the group, keeps consuming, and tells its owner once
// (OnGroupRecreated), who may have missed events and must catch up another
// way; creating the group at the first start is not a loss.
func TestGroupRecreatedAfterNOGROUP(t *testing.T) {
	t.Parallel()
	cases := map[string]func(rdb redis.UniversalClient, stream, group string) error{
		"group destroyed": func(rdb redis.UniversalClient, stream, group string) error {
			return rdb.XGroupDestroy(context.Background(), stream, group).Err()
		},
		"stream deleted": func(rdb redis.UniversalClient, stream, _ string) error {
			return rdb.Del(context.Background(), stream).Err()
		},
	}
	for name, lose := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
				stream := newStream(t, rdb)
				group := testkit.UniqueName(t, "g")
				done := newTally()
				var recreated atomic.Int32
				cfg := testConfig(t, stream, group, "c1")
				cfg.OnGroupRecreated = func() { recreated.Add(1) }
				start(t, rdb, cfg, done.recorder(group))

				before, firstID := publish(t, rdb, stream, "cand-1")
				eventually(t, "the first event is handled", func() bool {
					return groupCaughtUp(t, rdb, stream, group, firstID)
				})
				if n := recreated.Load(); n != 0 {
					t.Fatalf("OnGroupRecreated called %d times before any loss", n)
				}
				if err := lose(rdb, stream, group); err != nil {
					t.Fatalf("lose group: %v", err)
				}
				after, lastID := publish(t, rdb, stream, "cand-2")
				eventually(t, "the event published after the loss is handled", func() bool {
					return done.get(group, after.ID) == 1 && groupCaughtUp(t, rdb, stream, group, lastID)
				})
				// A recreated group rereads the stream from its start; the
				// dedup key must keep the first event from being handled again.
				if got := done.get(group, before.ID); got != 1 {
					t.Errorf("first event handled %d times, want 1", got)
				}
				if n := recreated.Load(); n != 1 {
					t.Errorf("OnGroupRecreated called %d times after one loss, want 1", n)
				}
			})
		})
	}
}
