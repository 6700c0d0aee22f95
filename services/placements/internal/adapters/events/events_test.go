package events

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	pkgevents "github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestPublishAndConsume publishes an event to a fresh stream and sees the
// consumer group hand it to the handler once.
func TestPublishAndConsume(t *testing.T) {
	t.Parallel()
	rdb := testkit.Redis(t)
	stream := testkit.UniqueName(t, "stream")
	pub, err := pkgevents.NewPublisher(rdb, pkgevents.PublisherConfig{})
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan pkgevents.Envelope, 4)
	run, err := Subscribe(rdb, stream, "c1", slog.New(slog.NewTextHandler(io.Discard, nil)), func(_ context.Context, e pkgevents.Envelope) error {
		got <- e
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx) }()
	defer func() { cancel(); <-done }()
	e, _ := pkgevents.NewEnvelope("candidate.erased", "cand-1", 3, "candidates")
	if err := (Publisher{Events: pub, Stream: stream}).Publish(context.Background(), e); err != nil {
		t.Fatal(err)
	}
	select {
	case h := <-got:
		if h.ID != e.ID || h.Type != "candidate.erased" || h.AggregateID != "cand-1" {
			t.Fatalf("handled %+v", h)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the event was not handled")
	}
}
