package testkit

import (
	"context"
	"net"
	"os/exec"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// OwnRedis is a redis-server of one test's own, for tests that stop or
// empty Redis, which the shared server (RedisURL) must never be.
type OwnRedis struct {
	URL  string
	port string
	cmd  *exec.Cmd
}

// StartOwnRedis starts a throwaway redis-server (no persistence) on a free
// loopback port, stopped when the test ends. It skips the test when
// redis-server is not installed (`make test-deps` installs it).
func StartOwnRedis(t testing.TB) *OwnRedis {
	t.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		t.Skip("testkit: redis-server is not installed")
	}
	_, port, _ := net.SplitHostPort(FreeAddr(t))
	r := &OwnRedis{URL: "redis://127.0.0.1:" + port + "/0", port: port}
	r.Start(t)
	t.Cleanup(r.Stop)
	return r
}

// Start starts the server again on the same port, empty, after Stop.
func (r *OwnRedis) Start(t testing.TB) {
	t.Helper()
	r.cmd = exec.Command("redis-server", "--port", r.port, "--bind", "127.0.0.1",
		"--save", "", "--appendonly", "no")
	if err := r.cmd.Start(); err != nil {
		t.Fatalf("testkit: start redis-server: %v", err)
	}
	opts, _ := redis.ParseURL(r.URL)
	client := redis.NewClient(opts)
	defer client.Close()
	deadline := time.Now().Add(10 * time.Second)
	for client.Ping(context.Background()).Err() != nil {
		if time.Now().After(deadline) {
			t.Fatal("testkit: redis-server did not answer within 10s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Stop kills the server and waits for it to exit; its data is gone.
func (r *OwnRedis) Stop() {
	if r.cmd == nil || r.cmd.Process == nil {
		return
	}
	_ = r.cmd.Process.Kill()
	_ = r.cmd.Wait()
	r.cmd = nil
}
