package app

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/servicekit/servicekittest"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestWithoutSMTPItSaysInboxOnlyOnce starts the service without SMTP_URL
// and checks that it says so once, at start.
func TestWithoutSMTPItSaysInboxOnlyOnce(t *testing.T) {
	t.Parallel()
	env := servicekittest.Environ(t)
	cfg, err := LoadConfig(env)
	if err != nil {
		t.Fatal(err)
	}
	logs := &testkit.LogBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, cfg, logs) }()
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get("http://" + env["HTTP_ADDR"] + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("not ready\n%s", logs)
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // a few worker rounds
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(logs.String(), "SMTP_URL is not set"); n != 1 {
		t.Errorf("the inbox-only notice appears %d times, want once:\n%s", n, logs)
	}
}
