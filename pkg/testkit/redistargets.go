package testkit

import (
	"fmt"
	"os"
	"testing"

	"github.com/redis/go-redis/v9"
)

// sharedCluster is the cluster RunWithRedisCluster started for this test
// binary, or nil.
var sharedCluster *RedisCluster

// RunWithRedisCluster is the whole TestMain of a package whose Redis tests
// must also pass on a Redis Cluster: it starts one cluster for the
// package, runs the tests, stops the cluster and returns the exit code.
//
//	func TestMain(m *testing.M) { os.Exit(testkit.RunWithRedisCluster(m)) }
func RunWithRedisCluster(m *testing.M) int {
	c, err := StartRedisCluster()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	sharedCluster = c
	defer c.Stop()
	return m.Run()
}

// SharedRedisCluster returns the package's cluster (RunWithRedisCluster),
// failing the test when its package has none.
func SharedRedisCluster(t testing.TB) *RedisCluster {
	t.Helper()
	if sharedCluster == nil {
		t.Fatal("testkit: no Redis Cluster; the package's TestMain must call RunWithRedisCluster")
	}
	return sharedCluster
}

// ForEachRedis runs test as a parallel subtest once per Redis: "node", the
// shared server of REDIS_URL, and "cluster", the package's Redis Cluster
// when its TestMain started one. The same assertions then hold for one
// node and for keys spread over a cluster's slots.
func ForEachRedis(t *testing.T, test func(t *testing.T, rdb redis.UniversalClient)) {
	t.Helper()
	t.Run("node", func(t *testing.T) {
		t.Parallel()
		test(t, Redis(t))
	})
	if sharedCluster == nil {
		return
	}
	t.Run("cluster", func(t *testing.T) {
		t.Parallel()
		test(t, sharedCluster.Client(t))
	})
}
