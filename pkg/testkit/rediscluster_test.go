package testkit

import (
	"context"
	"strings"
	"testing"
)

func TestRedisClusterSpreadsSlotsAndRefusesCrossSlotKeys(t *testing.T) {
	t.Parallel()
	c, err := StartRedisCluster()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Stop)
	rdb := c.Client(t)
	ctx := context.Background()
	shards, err := rdb.ClusterShards(ctx).Result()
	if err != nil {
		t.Fatalf("cluster shards: %v", err)
	}
	if len(shards) != clusterMasters {
		t.Fatalf("cluster has %d shards, want %d", len(shards), clusterMasters)
	}
	if err := rdb.MSet(ctx, "{order}.a", 1, "{order}.b", 2).Err(); err != nil {
		t.Errorf("keys sharing a hash tag: %v", err)
	}
	err = rdb.Do(ctx, "MSET", "plain-a", 1, "plain-b", 2).Err()
	if err == nil || !strings.Contains(err.Error(), "CROSSSLOT") {
		t.Errorf("MSET of keys in different slots answered %v, want CROSSSLOT", err)
	}
}
