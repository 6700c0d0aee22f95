package events_test

import (
	"os"
	"testing"

	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestMain starts a three-master Redis Cluster for the package, so the
// tests that go through testkit.ForEachRedis run on one node and on a
// cluster.
func TestMain(m *testing.M) { os.Exit(testkit.RunWithRedisCluster(m)) }
