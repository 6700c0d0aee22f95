package app

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"
)

func TestEveryRunsUntilCancelled(t *testing.T) {
	t.Parallel()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	var runs atomic.Int32
	job := func(context.Context) (int, error) {
		if runs.Add(1) == 2 {
			return 0, errors.New("a failed round must not stop the worker")
		}
		return 1, nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- every(logger, 5*time.Millisecond, "test job", job)(ctx) }()
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
}
