package platform

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// lockedBuffer lets the worker write logs while the test reads them.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestEveryLoggedRunsUntilCancelled checks that a failed round is logged and
// does not stop the worker, and that the worker stops with its context.
func TestEveryLoggedRunsUntilCancelled(t *testing.T) {
	t.Parallel()
	logs := &lockedBuffer{}
	logger := slog.New(slog.NewTextHandler(logs, nil))
	var runs atomic.Int32
	job := func(context.Context) (int, error) {
		if runs.Add(1) == 2 {
			return 0, errors.New("a failed round must not stop the worker")
		}
		return 1, nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- EveryLogged(logger, 5*time.Millisecond, "test job", job)(ctx) }()
	deadline := time.Now().Add(5 * time.Second)
	for runs.Load() < 4 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) || runs.Load() < 4 {
			t.Fatalf("worker returned %v after %d runs", err, runs.Load())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("worker did not stop when its context ended")
	}
	if out := logs.String(); !strings.Contains(out, "test job failed") || !strings.Contains(out, "count=1") {
		t.Errorf("logs lack the failed round or the count:\n%s", out)
	}
}
