package events_test

import (
	"context"
	"testing"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestDerivedKeysShareTheStreamSlot asks the cluster which slot each key
// hashes to: a stream's dead-letter stream and its groups' dedup keys must
// live in the stream's slot, whether the stream's name carries a hash tag
// of its own or not.
func TestDerivedKeysShareTheStreamSlot(t *testing.T) {
	t.Parallel()
	rdb := testkit.SharedRedisCluster(t).Client(t)
	ctx := context.Background()
	for _, stream := range []string{"candidates.events", "{onward}.roles.events"} {
		want, err := rdb.ClusterKeySlot(ctx, stream).Result()
		if err != nil {
			t.Fatalf("CLUSTER KEYSLOT %s: %v", stream, err)
		}
		for _, key := range []string{events.DeadLetterStream(stream), events.DedupKey(stream, "matching", "ev-1")} {
			if key == stream {
				t.Errorf("derived key %q is the stream itself", key)
			}
			if got, _ := rdb.ClusterKeySlot(ctx, key).Result(); got != want {
				t.Errorf("%s hashes to slot %d, stream %s to %d", key, got, stream, want)
			}
		}
	}
	if got := events.DeadLetterStream("candidates.events"); got != "{candidates.events}.dead" {
		t.Errorf("dead-letter stream of candidates.events = %q", got)
	}
}
