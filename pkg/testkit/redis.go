package testkit

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// RedisURL returns REDIS_URL, the real Redis server that `make test` and
// `.ci/run` start on a free port. A test that needs Redis fails without it.
func RedisURL(t testing.TB) string {
	t.Helper()
	url := os.Getenv("REDIS_URL")
	if url == "" {
		t.Fatal("testkit: REDIS_URL is not set; run the tests through `make test`, which starts redis-server")
	}
	return url
}

// Redis returns a client for the test Redis server, closed when the test ends.
// Tests share the server, so they must use keys from UniqueName.
func Redis(t testing.TB) *redis.Client {
	t.Helper()
	opts, err := redis.ParseURL(RedisURL(t))
	if err != nil {
		t.Fatalf("testkit: parse REDIS_URL: %v", err)
	}
	client := redis.NewClient(opts)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := client.Ping(ctx).Err(); err != nil {
		t.Fatalf("testkit: ping redis: %v", err)
	}
	t.Cleanup(func() { _ = client.Close() })
	return client
}
