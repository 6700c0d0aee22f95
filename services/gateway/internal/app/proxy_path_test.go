package app_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// TestProxyRefusesTraversal sends paths that escape the matched route
// (encoded slashes and backslashes, raw, encoded and double-encoded dot
// segments, doubled slashes) through a real gateway to a real service
// shell, and checks each is refused with a problem and never reaches the
// service: its own request counter stays where the one legitimate call
// left it. Before the fix, ..%2f..%2f..%2fmetrics answered the service's
// metrics.
func TestProxyRefusesTraversal(t *testing.T) {
	t.Parallel()
	upstream, requests := serviceShell(t)
	g := gatewaytest.Start(t, map[string]string{"CANDIDATES_URL": upstream})

	if status, body := rawGet(t, g.URL, "/api/v1/candidates/c1?x=1"); status != http.StatusOK || !strings.Contains(body, "candidate") {
		t.Fatalf("the legitimate call answered %d: %s", status, body)
	}
	if n := requests(); n != 1 {
		t.Fatalf("the service counted %d requests after one call", n)
	}
	for _, path := range []string{
		"/api/v1/candidates/..%2f..%2f..%2fmetrics",
		"/api/v1/candidates/..%2F..%2F..%2Freadyz",
		"/api/v1/candidates/..%2f..%2f..%2finternal%2fv1%2fcandidates",
		"/api/v1/candidates/%2e%2e/%2e%2e/%2e%2e/metrics",
		"/api/v1/candidates/%2E%2E%2F%2E%2E%2F%2E%2E%2Fhealthz",
		"/api/v1/candidates/../../../metrics",
		"/api/v1/candidates/c1/../../../readyz",
		"/api/v1/candidates/./c1",
		"/api/v1/candidates/..%5c..%5c..%5cmetrics",
		"/api/v1/candidates/..\\..\\..\\metrics",
		"/api/v1/candidates/%252e%252e%252f%252e%252e%252fmetrics",
		"/api/v1/candidates//c1",
		"/api/v1/candidates/c1%00",
		"/api/v1/candidates/c1/..%2f..%2fprogrammes",
	} {
		status, body := rawGet(t, g.URL, path)
		if status != http.StatusBadRequest && status != http.StatusNotFound {
			t.Errorf("%s answered %d, want 400 or 404: %.300s", path, status, body)
		}
		if strings.Contains(body, "http_requests_total") || strings.Contains(body, `"checks"`) {
			t.Errorf("%s reached the service's platform routes: %.300s", path, body)
		}
	}
	if n := requests(); n != 1 {
		t.Errorf("the service counted %d requests: an attack path reached it", n)
	}
	if status, body := rawGet(t, g.URL, "/metrics"); status != http.StatusNotFound {
		t.Errorf("the gateway's public port answers /metrics with %d: %.200s", status, body)
	}
}

// serviceShell runs a real Onward HTTP server (pkg/httpx, as every service
// builds it) that answers /api/v1/candidates/:id, and returns its base URL
// and a count of the requests it has received on its public port.
func serviceShell(t *testing.T) (string, func() int) {
	t.Helper()
	s := httpx.NewServer(httpx.AppConfig{Service: "candidates", Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), WriteTimeout: 5 * time.Second})
	s.App.Get("/api/v1/candidates/:id", func(c *fiber.Ctx) error { return c.JSON(fiber.Map{"candidate": c.Params("id")}) })
	s.App.Get("/internal/v1/candidates", func(c *fiber.Ctx) error { return c.JSON(fiber.Map{"internal": true}) })
	s.NotFoundLast()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = s.ServeListener(ctx, ln, time.Second) }()
	t.Cleanup(func() { cancel(); <-done })
	return "http://" + ln.Addr().String(), func() int {
		families, err := s.Metrics.Registry.Gather()
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, f := range families {
			if f.GetName() == "http_requests_total" {
				for _, m := range f.GetMetric() {
					total += int(m.GetCounter().GetValue())
				}
			}
		}
		return total
	}
}

// rawGet sends path exactly as written, which net/http's client would
// clean or re-encode, and returns the status and body.
func rawGet(t *testing.T, base, path string) (int, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", strings.TrimPrefix(base, "http://"), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: onward.test\r\nConnection: close\r\n\r\n", path)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 400 && !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/problem+json") {
		t.Errorf("%s answered %d without a problem: %s", path, resp.StatusCode, body)
	}
	return resp.StatusCode, string(body)
}
