package http

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
)

// TestProxyTakesTurnsAndSkipsAnInstanceDown sends API calls through the
// proxy to a service with two instances: they take turns, and with one
// instance refusing connections every call still reaches the other.
func TestProxyTakesTurnsAndSkipsAnInstanceDown(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	instance := func(name string) string {
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			hits[name]++
			mu.Unlock()
			_, _ = io.WriteString(w, name)
		}))
		t.Cleanup(s.Close)
		return s.URL
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	down := "http://" + ln.Addr().String()
	ln.Close()
	a, b := instance("a"), instance("b")

	for _, tt := range []struct {
		name, setting string
		want          map[string]int
	}{
		{"two instances", a + "," + b, map[string]int{"a": 2, "b": 2}},
		{"one instance down", down + ", " + b + "/", map[string]int{"b": 4}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mu.Lock()
			clear(hits)
			mu.Unlock()
			app := fiber.New()
			p := NewProxy([]Upstream{{Name: "employers", URL: tt.setting}}, 2*time.Second)
			app.Use(p.Handle)
			for range 4 {
				resp, err := app.Test(httptest.NewRequest("GET", "/api/v1/roles", nil), 5000)
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(resp.Body)
				if resp.StatusCode != http.StatusOK || !strings.Contains("ab", string(body)) {
					t.Fatalf("a call answered %d %q", resp.StatusCode, body)
				}
			}
			mu.Lock()
			defer mu.Unlock()
			if len(hits) != len(tt.want) || hits["a"] != tt.want["a"] || hits["b"] != tt.want["b"] {
				t.Errorf("four calls reached %v, want %v", hits, tt.want)
			}
		})
	}
}
