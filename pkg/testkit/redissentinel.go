package testkit

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// StartRedisSentinel starts one Redis Sentinel (redis-server --sentinel)
// on a free loopback port that watches the server at primaryAddr under the
// name master, and returns the Sentinel's address; it is stopped when the
// test ends. One Sentinel cannot fail anything over (that takes a quorum),
// but it answers which server is the primary, which is what a client asks.
func StartRedisSentinel(t testing.TB, primaryAddr, master string) string {
	t.Helper()
	addr := FreeAddr(t)
	_, port, _ := net.SplitHostPort(addr)
	host, primaryPort, _ := net.SplitHostPort(primaryAddr)
	conf := filepath.Join(t.TempDir(), "sentinel.conf")
	text := "port " + port + "\nbind 127.0.0.1\n" +
		"sentinel monitor " + master + " " + host + " " + primaryPort + " 1\n"
	if err := os.WriteFile(conf, []byte(text), 0o600); err != nil {
		t.Fatalf("testkit: sentinel config: %v", err)
	}
	cmd := exec.Command("redis-server", conf, "--sentinel")
	if err := cmd.Start(); err != nil {
		t.Fatalf("testkit: start sentinel: %v", err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	sentinel := redis.NewSentinelClient(&redis.Options{Addr: addr})
	defer sentinel.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := waitFor(ctx, "answer from the sentinel", func() bool {
		return sentinel.GetMasterAddrByName(ctx, master).Err() == nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return addr
}
