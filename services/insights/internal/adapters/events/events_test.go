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

// TestConsumeAndRecreatedGroupAsksForRebuild publishes an event to a
// fresh stream and sees the group "insights" hand it over; then the
// stream vanishes (Redis lost it), and the subscriber, creating the group
// again, reports it.
func TestConsumeAndRecreatedGroupAsksForRebuild(t *testing.T) {
	t.Parallel()
	rdb := testkit.Redis(t)
	stream := testkit.UniqueName(t, "stream")
	pub, err := pkgevents.NewPublisher(rdb, pkgevents.PublisherConfig{})
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan []pkgevents.Envelope, 4)
	recreated := make(chan struct{}, 1)
	run, err := Subscribe(rdb, Config{Stream: stream, Consumer: "c1", Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		OnGroupRecreated: func() { recreated <- struct{}{} }},
		func(_ context.Context, batch []pkgevents.Envelope) error { got <- batch; return nil })
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx) }()
	defer func() { cancel(); <-done }()
	e, _ := pkgevents.NewEnvelope("candidate.erased", "cand-1", 3, "candidates")
	if _, err := pub.Publish(context.Background(), stream, e); err != nil {
		t.Fatal(err)
	}
	select {
	case batch := <-got:
		if len(batch) != 1 || batch[0].ID != e.ID || batch[0].AggregateID != "cand-1" {
			t.Fatalf("handled %+v", batch)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the event was not handled")
	}
	groups, err := rdb.XInfoGroups(context.Background(), stream).Result()
	if err != nil || len(groups) != 1 || groups[0].Name != Group {
		t.Fatalf("groups = %v, %v", groups, err)
	}
	if err := rdb.Del(context.Background(), stream).Err(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-recreated:
	case <-time.After(15 * time.Second):
		t.Fatal("the recreated group was not reported")
	}
}
