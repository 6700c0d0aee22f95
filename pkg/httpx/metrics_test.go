package httpx

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestMetricsOnlyOnTheMetricsPort: /metrics answers on MetricsAddr and is
// an unknown path on the public port, which the gateway proxies to.
func TestMetricsOnlyOnTheMetricsPort(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	public := ln.Addr().String()
	ln.Close()
	mln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	metrics := mln.Addr().String()
	mln.Close()
	s := NewServer(AppConfig{Service: "test", Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), WriteTimeout: time.Second, MetricsAddr: metrics})
	s.NotFoundLast()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, public, time.Second) }()
	t.Cleanup(func() { cancel(); <-done })
	get := func(url string) (int, string) {
		for range 100 {
			resp, err := http.Get(url)
			if err != nil {
				time.Sleep(20 * time.Millisecond)
				continue
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			return resp.StatusCode, string(body)
		}
		t.Fatalf("%s never answered", url)
		return 0, ""
	}
	if status, _ := get("http://" + public + "/healthz"); status != http.StatusOK {
		t.Fatalf("/healthz on the public port: %d", status)
	}
	if status, body := get("http://" + public + "/metrics"); status != http.StatusNotFound || strings.Contains(body, "http_requests_total") {
		t.Errorf("/metrics on the public port answered %d: %.200s", status, body)
	}
	if status, body := get("http://" + metrics + "/metrics"); status != http.StatusOK || !strings.Contains(body, "http_requests_total") {
		t.Errorf("/metrics on the metrics port answered %d: %.200s", status, body)
	}
	if status, _ := get("http://" + metrics + "/healthz"); status != http.StatusNotFound {
		t.Errorf("the metrics port serves more than /metrics: /healthz answered %d", status)
	}
}
