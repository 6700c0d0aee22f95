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

	"github.com/gofiber/fiber/v2"
)

// clientIPServer serves /ip, which answers c.IP(), on a loopback port
// until the test ends.
func clientIPServer(t *testing.T, trusted []string) string {
	t.Helper()
	s := NewServer(AppConfig{Service: "test", Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), TrustedProxies: trusted, WriteTimeout: time.Second})
	s.App.Get("/ip", func(c *fiber.Ctx) error { return c.SendString(c.IP()) })
	s.App.Get("/scheme", func(c *fiber.Ctx) error { return c.SendString(c.Protocol() + "://" + c.Hostname()) })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = s.ServeListener(ctx, ln, time.Second) }()
	t.Cleanup(func() { cancel(); <-done })
	return "http://" + ln.Addr().String() + "/ip"
}

// TestClientAddressBehindTrustedProxies: X-Forwarded-For names the client
// only when the peer is a trusted proxy, and then only a valid address in
// it does.
func TestClientAddressBehindTrustedProxies(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		trusted   []string
		forwarded string
		want      string
	}{
		{"no proxy trusted: the header is ignored", nil, "203.0.113.7", "127.0.0.1"},
		{"another range trusted: the header is ignored", []string{"10.0.0.0/8"}, "203.0.113.7", "127.0.0.1"},
		{"a trusted peer: its header names the client", []string{"127.0.0.1"}, "203.0.113.7", "203.0.113.7"},
		{"a trusted range, spaces around the entry", []string{" 127.0.0.0/8 "}, "2001:db8::7", "2001:db8::7"},
		{"a trusted peer: the first valid address", []string{"127.0.0.1"}, "bogus, 203.0.113.7, 10.0.0.1", "203.0.113.7"},
		{"a trusted peer without the header: the peer", []string{"127.0.0.1"}, "", "127.0.0.1"},
		{"a trusted peer, nothing valid in the header: the peer", []string{"127.0.0.1"}, "not-an-address", "127.0.0.1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			url := clientIPServer(t, tc.trusted)
			req, _ := http.NewRequest("GET", url, nil)
			if tc.forwarded != "" {
				req.Header.Set("X-Forwarded-For", tc.forwarded)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			got, _ := io.ReadAll(resp.Body)
			if string(got) != tc.want {
				t.Errorf("c.IP() = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestForwardedSchemeOnlyFromTrustedProxies: X-Forwarded-Proto and
// X-Forwarded-Host change what the server believes of the request's scheme
// and host only when the peer is a trusted proxy; with no proxy listed,
// nobody can make a plain-HTTP request pass for HTTPS.
func TestForwardedSchemeOnlyFromTrustedProxies(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		trusted []string
		want    string
	}{
		{"no proxy trusted: the headers are ignored", nil, "http://"},
		{"another range trusted: the headers are ignored", []string{"10.0.0.0/8"}, "http://"},
		{"a trusted peer: its headers are believed", []string{"127.0.0.1"}, "https://onward.example"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			url := strings.TrimSuffix(clientIPServer(t, tc.trusted), "/ip") + "/scheme"
			req, _ := http.NewRequest("GET", url, nil)
			req.Header.Set("X-Forwarded-Proto", "https")
			req.Header.Set("X-Forwarded-Host", "onward.example")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			got, _ := io.ReadAll(resp.Body)
			want := tc.want
			if want == "http://" {
				want += req.URL.Host
			}
			if string(got) != want {
				t.Errorf("scheme and host = %q, want %q", got, want)
			}
		})
	}
}
