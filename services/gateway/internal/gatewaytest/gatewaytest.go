// Package gatewaytest starts a real gateway for tests: its own fresh
// database on the test kit's Mongo-wire server, the test Redis, a random
// port, and a clean shutdown when the test ends. Only tests import it.
package gatewaytest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/sealed"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/gateway/internal/app"
)

// AdminPassword is the first administrator's password in test gateways.
const AdminPassword = "tidy-harbour-lantern-42"

// Gateway is a running gateway.
type Gateway struct {
	URL        string
	AdminEmail string
	Config     app.Config
	logs       *testkit.LogBuffer
	checks     atomic.Int64
	offset     atomic.Int64 // nanoseconds the gateway's clock runs ahead
}

// Start runs a gateway until the test ends. env overrides settings.
func Start(t testing.TB, env map[string]string) *Gateway {
	t.Helper()
	addr := testkit.FreeAddr(t)
	base := map[string]string{
		"HTTP_ADDR":                 addr,
		"METRICS_ADDR":              "127.0.0.1:0",
		"MONGO_URI":                 testkit.MongoURI(t),
		"MONGO_DB":                  testkit.UniqueName(t, "gw"),
		"REDIS_URL":                 testkit.RedisURL(t),
		"ONWARD_PUBLIC_URL":         "http://" + addr,
		"ONWARD_ADMIN_EMAIL":        "admin@onward.test",
		"ONWARD_ADMIN_PASSWORD":     AdminPassword,
		"ONWARD_SERVICE_SECRET":     "test-service-secret-0123456789abcdef",
		"ONWARD_KEY_ENCRYPTION_KEY": sealed.NewKey(),
		"LOG_FORMAT":                "json",
		"LOG_LEVEL":                 "info",
	}
	for k, v := range env {
		base[k] = v
	}
	cfg, err := app.LoadConfig(base)
	if err != nil {
		t.Fatalf("gatewaytest: config: %v", err)
	}
	g := &Gateway{URL: "http://" + addr, AdminEmail: base["ONWARD_ADMIN_EMAIL"], Config: cfg, logs: &testkit.LogBuffer{}}
	ctx, cancel := context.WithCancel(context.Background())
	var runErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		runErr = app.Run(ctx, cfg, app.Options{LogOutput: g.logs, Console: io.Discard, PasswordChecked: func() { g.checks.Add(1) }, Now: g.now})
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
			if runErr != nil && !t.Failed() {
				t.Errorf("gateway shutdown: %v", runErr)
			}
		case <-time.After(20 * time.Second):
			t.Error("gateway did not shut down within 20s")
		}
	})
	g.waitReady(t, done, &runErr)
	return g
}

func (g *Gateway) waitReady(t testing.TB, done <-chan struct{}, runErr *error) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-done:
			t.Fatalf("gateway stopped at start: %v\n%s", *runErr, g.Logs())
		default:
		}
		resp, err := http.Get(g.URL + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("gateway not ready within 60s\n%s", g.Logs())
}

// Advance moves the gateway's clock forward by d, for tests of waits and
// expiries that should not sleep.
func (g *Gateway) Advance(d time.Duration) { g.offset.Add(int64(d)) }

func (g *Gateway) now() time.Time { return time.Now().Add(time.Duration(g.offset.Load())) }

// PasswordChecks is how many sign-in passwords this gateway has verified.
func (g *Gateway) PasswordChecks() int64 { return g.checks.Load() }

// Logs returns everything the gateway logged so far.
func (g *Gateway) Logs() string { return g.logs.String() }

// Contains reports whether the logs contain s, for privacy assertions.
func (g *Gateway) Contains(s string) bool { return strings.Contains(g.Logs(), s) }

// String names the gateway in test output.
func (g *Gateway) String() string { return fmt.Sprintf("gateway at %s", g.URL) }
