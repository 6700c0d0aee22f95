package httpx

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

type signupRequest struct {
	Email    string `json:"email" validate:"required,email"`
	Password string `json:"password" validate:"required,min=12"`
}

func newTestServer(checks ...Check) *Server {
	s := NewServer(AppConfig{Service: "test", Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), BodyLimit: 1024, Checks: checks})
	s.App.Post("/signup", func(c *fiber.Ctx) error {
		var req signupRequest
		if err := DecodeJSON(c, &req); err != nil {
			return err
		}
		return c.SendStatus(fiber.StatusCreated)
	})
	s.App.Get("/boom", func(c *fiber.Ctx) error { panic("secret internals") })
	s.App.Get("/roles/:id", func(c *fiber.Ctx) error { return fmtNotFound(c.Params("id")) })
	s.App.Get("/slow-down", func(c *fiber.Ctx) error { return &errs.RateLimitedError{RetryAfter: 1500000000} })
	s.NotFoundLast()
	return s
}

func fmtNotFound(id string) error { return errors.Join(errors.New("role "+id), errs.NotFound) }

func do(t *testing.T, s *Server, method, path, body string) (*http.Response, Problem) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := s.App.Test(req, -1)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	var p Problem
	raw, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(raw, &p)
	return resp, p
}

func TestValidationNamesEachField(t *testing.T) {
	s := newTestServer()
	resp, p := do(t, s, "POST", "/signup", `{"email":"nope","password":"short"}`)
	if resp.StatusCode != 400 || resp.Header.Get("Content-Type") != ProblemContentType {
		t.Fatalf("status %d, content type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	fields := map[string]bool{}
	for _, f := range p.Errors {
		fields[f.Field] = true
	}
	if !fields["email"] || !fields["password"] || p.Type != "/problems/invalid-request" {
		t.Fatalf("problem %+v does not name both fields", p)
	}
}

func TestBadBodies(t *testing.T) {
	s := newTestServer()
	cases := map[string]struct{ body, field string }{
		"unknown field": {`{"email":"a@b.eu","password":"long enough pass","admin":true}`, "admin"},
		"not json":      {`{"email":`, "body"},
		"wrong type":    {`{"email":42,"password":"long enough pass"}`, "email"},
		"two objects":   {`{"email":"a@b.eu","password":"long enough pass"}{}`, "body"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resp, p := do(t, s, "POST", "/signup", tc.body)
			if resp.StatusCode != 400 || len(p.Errors) != 1 || p.Errors[0].Field != tc.field {
				t.Fatalf("status %d, problem %+v; want 400 naming %q", resp.StatusCode, p, tc.field)
			}
		})
	}
}

func TestStatusesForCategories(t *testing.T) {
	s := newTestServer()
	if resp, p := do(t, s, "GET", "/roles/r1", ""); resp.StatusCode != 404 || p.Type != "/problems/not-found" {
		t.Fatalf("not found: %d %+v", resp.StatusCode, p)
	}
	if resp, _ := do(t, s, "GET", "/nowhere", ""); resp.StatusCode != 404 {
		t.Fatalf("unknown route: %d", resp.StatusCode)
	}
	resp, _ := do(t, s, "GET", "/slow-down", "")
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "2" {
		t.Fatalf("rate limited: %d retry-after %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
}

func TestOversizeBodyIs413(t *testing.T) {
	s := newTestServer()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.ServeListener(ctx, ln, time.Second) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("shutdown: %v", err)
		}
	}()
	body := `{"email":"` + strings.Repeat("a", 2048) + `"}`
	resp, err := http.Post("http://"+ln.Addr().String()+"/signup", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var p Problem
	_ = json.NewDecoder(resp.Body).Decode(&p)
	if resp.StatusCode != 413 || p.Status != 413 || resp.Header.Get("Content-Type") != ProblemContentType {
		t.Fatalf("oversize body: %d %+v", resp.StatusCode, p)
	}
}

func TestPanicIsA500WithoutInternals(t *testing.T) {
	s := newTestServer()
	resp, p := do(t, s, "GET", "/boom", "")
	if resp.StatusCode != 500 || strings.Contains(p.Detail+p.Title, "secret") || p.RequestID == "" {
		t.Fatalf("panic answer: %d %+v", resp.StatusCode, p)
	}
}

func TestReadinessReportsDependencies(t *testing.T) {
	down := errors.New("dial tcp: refused")
	s := newTestServer(Check{Name: "mongo", Probe: func(context.Context) error { return nil }},
		Check{Name: "redis", Probe: func(context.Context) error { return down }})
	resp, _ := do(t, s, "GET", "/readyz", "")
	if resp.StatusCode != 503 {
		t.Fatalf("readyz with redis down: %d", resp.StatusCode)
	}
	if resp, _ := do(t, s, "GET", "/healthz", ""); resp.StatusCode != 200 {
		t.Fatalf("healthz: %d", resp.StatusCode)
	}
	ok := newTestServer(Check{Name: "mongo", Probe: func(context.Context) error { return nil }})
	if resp, _ := do(t, ok, "GET", "/readyz", ""); resp.StatusCode != 200 {
		t.Fatalf("readyz all up: %d", resp.StatusCode)
	}
	ok.Health.Drain()
	if resp, _ := do(t, ok, "GET", "/readyz", ""); resp.StatusCode != 503 {
		t.Fatalf("readyz while draining: %d", resp.StatusCode)
	}
}

func TestAddedCheckGatesReadiness(t *testing.T) {
	var loaded atomic.Bool
	s := newTestServer(Check{Name: "mongo", Probe: func(context.Context) error { return nil }})
	s.Health.AddCheck(Check{Name: "index", Probe: func(context.Context) error {
		if !loaded.Load() {
			return errors.New("not loaded")
		}
		return nil
	}})
	if resp, _ := do(t, s, "GET", "/readyz", ""); resp.StatusCode != 503 {
		t.Fatalf("readyz before the added check passes: %d", resp.StatusCode)
	}
	loaded.Store(true)
	if resp, _ := do(t, s, "GET", "/readyz", ""); resp.StatusCode != 200 {
		t.Fatalf("readyz once the added check passes: %d", resp.StatusCode)
	}
}

func TestMetricsCountByRoutePattern(t *testing.T) {
	s := newTestServer()
	do(t, s, "GET", "/roles/abc", "")
	do(t, s, "GET", "/roles/def", "")
	rec := httptest.NewRecorder()
	s.Metrics.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	text := rec.Body.String()
	if !strings.Contains(text, `http_requests_total{method="GET",route="/roles/:id",service="test",status="404"} 2`) {
		t.Fatalf("per-route counter missing:\n%s", grep(text, "http_requests_total"))
	}
	if strings.Contains(text, "abc") || !strings.Contains(text, "http_request_duration_seconds_bucket") {
		t.Fatal("raw path in labels or histogram missing")
	}
}

func TestRequestIDPropagates(t *testing.T) {
	s := newTestServer()
	req := httptest.NewRequest("GET", "/healthz", nil)
	req.Header.Set(HeaderRequestID, "gateway-abc-123")
	resp, _ := s.App.Test(req, -1)
	if resp.Header.Get(HeaderRequestID) != "gateway-abc-123" {
		t.Fatalf("request id not kept: %q", resp.Header.Get(HeaderRequestID))
	}
	req.Header.Set(HeaderRequestID, "bad id\nwith newline")
	resp, _ = s.App.Test(req, -1)
	if got := resp.Header.Get(HeaderRequestID); got == "" || strings.Contains(got, " ") {
		t.Fatalf("unsafe request id accepted: %q", got)
	}
}

func grep(text, word string) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, word) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestMetricsSurviveReusedRequestBuffers serves requests of different
// methods over kept-alive connections, where fasthttp reuses each request's
// buffers: label values must be copies, or earlier series change under
// Prometheus and /metrics answers with duplicate-series errors.
func TestMetricsSurviveReusedRequestBuffers(t *testing.T) {
	s := newTestServer()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.ServeListener(ctx, ln, time.Second) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("shutdown: %v", err)
		}
	}()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1}}
	send := func(method, path, body string) {
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	for range 5 {
		send("POST", "/signup", `{"email":"ana@example.be","password":"quiet-orchard-bicycle"}`)
		send("GET", "/roles/abc", "")
		send("DELETE", "/roles/abc", "")
	}
	rec := httptest.NewRecorder()
	s.Metrics.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	text := rec.Body.String()
	if rec.Code != 200 {
		t.Fatalf("/metrics: %d\n%s", rec.Code, text)
	}
	for _, want := range []string{
		`http_requests_total{method="POST",route="/signup",service="test",status="201"} 5`,
		`http_requests_total{method="GET",route="/roles/:id",service="test",status="404"} 5`,
		`http_requests_total{method="DELETE",route="unmatched",service="test",status="404"} 5`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %s in:\n%s", want, grep(text, "http_requests_total"))
		}
	}
}
