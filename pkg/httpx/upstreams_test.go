package httpx

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// TestParseBaseURLsTakesOneOrMany checks the address settings an operator
// writes: one URL, a list with spaces and trailing slashes, and refusals
// of what no service can be reached at.
func TestParseBaseURLsTakesOneOrMany(t *testing.T) {
	got, err := ParseBaseURLs(" http://employers-0:8081/ , http://employers-1:8081")
	if err != nil || strings.Join(got, " ") != "http://employers-0:8081 http://employers-1:8081" {
		t.Errorf("a list of two = %v, %v", got, err)
	}
	if got, err := ParseBaseURLs(""); err != nil || len(got) != 0 {
		t.Errorf("an empty setting = %v, %v; want no URL", got, err)
	}
	for _, bad := range []string{"employers:8081", "ftp://employers", "http://", "http://a:1,mailto:x", "http://a:1?x=1"} {
		if _, err := ParseBaseURLs(bad); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}

// TestRoundRobinTransportSpreadsAndSkipsTheUnreachable sends requests
// to two instances in turn, and a request whose instance refuses the
// connection reaches the other one instead, body included.
func TestRoundRobinTransportSpreadsAndSkipsTheUnreachable(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	instance := func(name string) *httptest.Server {
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body := make([]byte, 16)
			n, _ := r.Body.Read(body)
			mu.Lock()
			hits[name+" "+r.URL.Path+" "+string(body[:n])]++
			mu.Unlock()
		}))
		t.Cleanup(s.Close)
		return s
	}
	a, b := instance("a"), instance("b")
	client := &http.Client{Transport: RoundRobinTransport{Bases: NewRoundRobin([]string{a.URL, b.URL})}}
	for range 4 {
		resp, err := client.Post(a.URL+"/x", "text/plain", strings.NewReader("hi"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	mu.Lock()
	defer mu.Unlock()
	if hits["a /x hi"] != 2 || hits["b /x hi"] != 2 {
		t.Errorf("four calls reached %v, want two on each instance", hits)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	down := "http://" + ln.Addr().String()
	ln.Close()
	clear(hits)
	mu.Unlock()
	client = &http.Client{Transport: RoundRobinTransport{Bases: NewRoundRobin([]string{down, b.URL})}}
	for range 2 {
		resp, err := client.Post(down+"/y", "text/plain", strings.NewReader("again"))
		if err != nil {
			t.Fatalf("a call with one instance down failed: %v", err)
		}
		resp.Body.Close()
	}
	mu.Lock()
	if hits["b /y again"] != 2 {
		t.Errorf("with one instance down the calls reached %v, want both on the other", hits)
	}
}
