package app

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/gofiber/fiber/v2"
)

// TestPublicAPIForwardsCredentialAddresses: every address a credential
// names under the web app's origin reaches the gateway's same path, with
// the gateway's status, type and body coming back, and neither the
// caller's cookie nor token going on; an id that tries to climb out of
// its path segment stays inside it.
func TestPublicAPIForwardsCredentialAddresses(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	gateway := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		seen = append(seen, r.Method+" "+r.URL.EscapedPath()+" cookie="+r.Header.Get("Cookie")+" auth="+r.Header.Get("Authorization")+" body="+string(body))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		if strings.HasSuffix(r.URL.Path, "/missing") {
			w.Header().Set("Content-Type", "application/problem+json")
			w.WriteHeader(http.StatusNotFound)
		}
		_, _ = w.Write([]byte(`{"from":"gateway"}`))
	}))
	defer gateway.Close()
	app := fiber.New()
	newPublicAPI(gateway.URL, nil).mount(app)

	for _, tc := range []struct {
		method, path, body, upstream string
		status                       int
	}{
		{"GET", "/api/v1/credentials/a1", "", "GET /api/v1/credentials/a1", 200},
		{"GET", "/api/v1/credentials/a1/status", "", "GET /api/v1/credentials/a1/status", 200},
		{"GET", "/api/v1/issuers/o1", "", "GET /api/v1/issuers/o1", 200},
		{"GET", "/api/v1/issuers/o1/jwks", "", "GET /api/v1/issuers/o1/jwks", 200},
		{"POST", "/api/v1/credentials/verify", `{"credential":"x.y.z"}`, `GET`, 200},
		{"GET", "/api/v1/credentials/missing", "", "GET /api/v1/credentials/missing", 404},
		{"GET", "/api/v1/credentials/..%2F..%2Fmetrics", "", "GET /api/v1/credentials/..%252F..%252Fmetrics", 200},
	} {
		mu.Lock()
		seen = nil
		mu.Unlock()
		req := httptest.NewRequest(tc.method, tc.path, strings.NewReader(tc.body))
		req.Header.Set("Cookie", "onward_session=secret")
		req.Header.Set("Authorization", "Bearer secret")
		if tc.body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := app.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != tc.status || string(got) != `{"from":"gateway"}` {
			t.Errorf("%s %s answered %d %s", tc.method, tc.path, resp.StatusCode, got)
		}
		mu.Lock()
		if len(seen) != 1 || strings.Contains(seen[0], "secret") {
			t.Errorf("%s %s reached the gateway as %v", tc.method, tc.path, seen)
		} else if tc.method == "POST" {
			if seen[0] != "POST /api/v1/credentials/verify cookie= auth= body="+tc.body {
				t.Errorf("the verify POST reached the gateway as %q", seen[0])
			}
		} else if !strings.HasPrefix(seen[0], tc.upstream+" ") {
			t.Errorf("%s reached the gateway as %q, want %q", tc.path, seen[0], tc.upstream)
		}
		mu.Unlock()
	}
}
