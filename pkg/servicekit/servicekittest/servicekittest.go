// Package servicekittest checks that a domain service behaves like a
// production service: against a real Mongo-wire server and the test Redis it
// starts, reports itself alive and ready, serves metrics and shuts down
// gracefully, and it refuses to start on bad settings or an unreachable
// store. Each service's app test calls these checks with its own Run, so
// the three services are held to the same contract. Only tests import it.
package servicekittest

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/servicekit"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// RunFunc runs a service with the given environment until ctx ends: the
// signature of each service's package-level Run.
type RunFunc func(ctx context.Context, environ map[string]string, logOut io.Writer) error

// serviceSecret is long enough to pass validation and distinctive enough to
// search the logs for.
const serviceSecret = "servicekittest-secret-6f0c1e8a4f4d599f"

// Environ returns the settings a service needs in a test: a free loopback
// port, a fresh database on the test Mongo-wire server, the test Redis and a
// service secret. The gateway is never reached, because the verifier fetches
// keys only when a token arrives.
func Environ(t testing.TB) map[string]string {
	t.Helper()
	return map[string]string{
		"HTTP_ADDR":             testkit.FreeAddr(t),
		"METRICS_ADDR":          testkit.FreeAddr(t),
		"MONGO_URI":             testkit.MongoURI(t),
		"MONGO_DB":              testkit.UniqueName(t, "svc"),
		"REDIS_URL":             testkit.RedisURL(t),
		"ONWARD_SERVICE_SECRET": serviceSecret,
		"SHUTDOWN_TIMEOUT":      "5s",
		"LOG_FORMAT":            "json",
	}
}

// CheckLifecycle starts the service, checks /healthz and /readyz, that
// /metrics answers on the internal METRICS_ADDR and not on the public port,
// then cancels it and checks that Run returns nil promptly and the port is
// closed. It also checks that the service secret never reaches the logs.
func CheckLifecycle(t *testing.T, run RunFunc) {
	t.Helper()
	env := Environ(t)
	base := "http://" + env["HTTP_ADDR"]
	logs := &testkit.LogBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- run(ctx, env, logs) }()

	waitReady(t, base, done, logs)
	expectStatus(t, base+"/healthz", http.StatusOK)
	checkReadiness(t, base)
	if body := expectStatus(t, "http://"+env["METRICS_ADDR"]+"/metrics", http.StatusOK); !strings.Contains(body, "http_requests_total") {
		t.Errorf("/metrics lacks http_requests_total:\n%.2000s", body)
	}
	expectStatus(t, base+"/metrics", http.StatusNotFound)

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run after cancel = %v, want nil\n%s", err, logs)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("Run did not return within 10s of cancel\n%s", logs)
	}
	if conn, err := net.DialTimeout("tcp", env["HTTP_ADDR"], time.Second); err == nil {
		conn.Close()
		t.Errorf("port %s still accepts connections after shutdown", env["HTTP_ADDR"])
	}
	if strings.Contains(logs.String(), serviceSecret) {
		t.Error("the service secret appears in the logs")
	}
}

// CheckFailsWithoutRedis starts the service with a Redis URL nobody listens
// on and checks that Run fails quickly with an error naming Redis, instead
// of hanging or serving a service that can never be ready.
func CheckFailsWithoutRedis(t *testing.T, run RunFunc) {
	t.Helper()
	env := Environ(t)
	env["REDIS_URL"] = "redis://127.0.0.1:1/0"
	checkStartFails(t, run, env, "redis")
}

// CheckRejectsMissingSecret checks that a service without
// ONWARD_SERVICE_SECRET refuses to start and names the variable.
func CheckRejectsMissingSecret(t *testing.T, run RunFunc) {
	t.Helper()
	env := Environ(t)
	delete(env, "ONWARD_SERVICE_SECRET")
	checkStartFails(t, run, env, "ONWARD_SERVICE_SECRET")
}

func checkStartFails(t *testing.T, run RunFunc, env map[string]string, wantInError string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- run(ctx, env, io.Discard) }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), wantInError) {
			t.Fatalf("Run = %v, want an error mentioning %q", err, wantInError)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("Run still running after 20s, want a start-up error mentioning %q", wantInError)
	}
}

func waitReady(t *testing.T, base string, done <-chan error, logs *testkit.LogBuffer) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			t.Fatalf("service stopped at start: %v\n%s", err, logs)
		default:
		}
		if resp, err := http.Get(base + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("service not ready within 30s\n%s", logs)
}

func checkReadiness(t *testing.T, base string) {
	t.Helper()
	var got struct {
		Status string            `json:"status"`
		Checks map[string]string `json:"checks"`
	}
	body := expectStatus(t, base+"/readyz", http.StatusOK)
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatalf("/readyz body %q: %v", body, err)
	}
	if got.Status != "ok" || got.Checks["mongo"] != "ok" || got.Checks["redis"] != "ok" {
		t.Errorf("/readyz = %s, want status ok with mongo and redis ok", body)
	}
}

func expectStatus(t *testing.T, url string, want int) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: read body: %v", url, err)
	}
	if resp.StatusCode != want {
		t.Fatalf("GET %s = %d, want %d: %s", url, resp.StatusCode, want, body)
	}
	return string(body)
}

// Contract is what every domain service must honour, with the two settings
// in which they differ.
type Contract struct {
	// Run is the service's package-level Run.
	Run RunFunc
	// Load reads the service's configuration from an environment.
	Load func(environ map[string]string) (servicekit.Config, error)
	// HTTPAddr and MongoDB are the service's own defaults.
	HTTPAddr, MongoDB string
}

// CheckContract runs every check above, plus the service's defaults, as
// parallel subtests.
func CheckContract(t *testing.T, c Contract) {
	t.Run("lifecycle", func(t *testing.T) { t.Parallel(); CheckLifecycle(t, c.Run) })
	t.Run("fails without redis", func(t *testing.T) { t.Parallel(); CheckFailsWithoutRedis(t, c.Run) })
	t.Run("rejects missing secret", func(t *testing.T) { t.Parallel(); CheckRejectsMissingSecret(t, c.Run) })
	t.Run("defaults", func(t *testing.T) { t.Parallel(); checkDefaults(t, c) })
}

// checkDefaults loads the configuration from the minimum environment and
// compares the settings an operator relies on.
func checkDefaults(t *testing.T, c Contract) {
	cfg, err := c.Load(map[string]string{
		"MONGO_URI": "mongodb://127.0.0.1:27017", "REDIS_URL": "redis://127.0.0.1:6379/0",
		"ONWARD_SERVICE_SECRET": serviceSecret,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"HTTP_ADDR": c.HTTPAddr, "MONGO_DB": c.MongoDB, "ONWARD_PUBLIC_URL": "http://localhost:8080",
		"JWKS": "http://localhost:8080/.well-known/jwks.json", "ONWARD_API_AUDIENCE": "onward-api",
	}
	got := map[string]string{
		"HTTP_ADDR": cfg.HTTPAddr, "MONGO_DB": cfg.MongoDB, "ONWARD_PUBLIC_URL": cfg.PublicURL,
		"JWKS": cfg.JWKSURL(), "ONWARD_API_AUDIENCE": cfg.APIAudience,
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %q, want %q", k, got[k], w)
		}
	}
}
