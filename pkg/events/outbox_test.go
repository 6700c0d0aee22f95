package events

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"
)

// memoryOutbox is an outbox in memory; pure logic needs no store.
type memoryOutbox struct{ pending []Envelope }

func (o *memoryOutbox) PendingEvents(_ context.Context, limit int) ([]Envelope, error) {
	return o.pending[:min(limit, len(o.pending))], nil
}

func (o *memoryOutbox) MarkPublished(_ context.Context, e Envelope) error {
	for i, p := range o.pending {
		if p.ID == e.ID {
			o.pending = append(o.pending[:i:i], o.pending[i+1:]...)
		}
	}
	return nil
}

type recordingSink struct {
	published []string
	failAfter int
}

func (s *recordingSink) Publish(_ context.Context, e Envelope) error {
	if s.failAfter >= 0 && len(s.published) == s.failAfter {
		return errors.New("redis is down (test)")
	}
	s.published = append(s.published, e.AggregateID)
	return nil
}

func pendingAt(t *testing.T, id string, at time.Time) Envelope {
	e, err := NewEnvelope("thing.changed", id, 1, "test")
	if err != nil {
		t.Fatal(err)
	}
	e.OccurredAt = at
	return e
}

// TestRelayPublishesOnlyWhatWaitedLongEnough checks that the relay leaves
// young events to the request publishing them, clears what it published,
// and stops at the first failure without losing anything.
func TestRelayPublishesOnlyWhatWaitedLongEnough(t *testing.T) {
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	outbox := &memoryOutbox{pending: []Envelope{
		pendingAt(t, "old-1", now.Add(-time.Minute)), pendingAt(t, "young", now.Add(-time.Second)), pendingAt(t, "old-2", now.Add(-30*time.Second)),
	}}
	sink := &recordingSink{failAfter: 1}
	res, err := Relay(context.Background(), outbox, sink, 10*time.Second, now)
	if err == nil || res.Published != 1 || len(outbox.pending) != 2 {
		t.Fatalf("first round: %+v, err %v, %d left; want 1 published, an error, 2 left", res, err, len(outbox.pending))
	}
	sink.failAfter = -1
	res, err = Relay(context.Background(), outbox, sink, 10*time.Second, now)
	if err != nil || res.Published != 1 || len(res.Young) != 1 || res.Young[0].AggregateID != "young" || res.More {
		t.Fatalf("second round: %+v, err %v", res, err)
	}
	if len(outbox.pending) != 1 || outbox.pending[0].AggregateID != "young" {
		t.Fatalf("left pending %v, want only the young event", outbox.pending)
	}
	if got := sink.published; len(got) != 2 || got[0] != "old-1" || got[1] != "old-2" {
		t.Fatalf("published %v", got)
	}
}

// TestDeliverKeepsAFailedEventForTheRelay checks that an event Deliver
// cannot publish stays in the outbox and one it publishes is cleared.
func TestDeliverKeepsAFailedEventForTheRelay(t *testing.T) {
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	e := pendingAt(t, "a", time.Now())
	outbox := &memoryOutbox{pending: []Envelope{e}}
	Deliver(context.Background(), logger, outbox, &recordingSink{failAfter: 0}, e)
	if len(outbox.pending) != 1 {
		t.Fatal("an event that failed to publish left the outbox")
	}
	Deliver(context.Background(), logger, outbox, &recordingSink{failAfter: -1}, e)
	if len(outbox.pending) != 0 {
		t.Fatal("a published event stayed in the outbox")
	}
}

// countingOutbox counts how often the outbox is read.
type countingOutbox struct {
	memoryOutbox
	reads int
}

func (o *countingOutbox) PendingEvents(ctx context.Context, limit int) ([]Envelope, error) {
	o.reads++
	return o.memoryOutbox.PendingEvents(ctx, limit)
}

// TestRelayerReadsTheOutboxOnlyWhenNeeded checks that a Relayer reads the
// outbox at its first round, after a failed delivery, when a young event
// comes of age undelivered, and once per sweep, and not on the rounds
// between.
func TestRelayerReadsTheOutboxOnlyWhenNeeded(t *testing.T) {
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	outbox := &countingOutbox{}
	sink := &recordingSink{failAfter: -1}
	r := &Relayer{Outbox: outbox, Sink: sink, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Sweep: time.Minute, Now: func() time.Time { return now }}
	ctx := context.Background()
	round := func(want int) {
		t.Helper()
		before := outbox.reads
		if _, err := r.Round(ctx, 10*time.Second); err != nil {
			t.Fatal(err)
		}
		if got := outbox.reads - before; got != want {
			t.Fatalf("round read the outbox %d times, want %d", got, want)
		}
	}
	round(1) // the first round
	round(0) // nothing happened since
	e := pendingAt(t, "a", now)
	outbox.pending = append(outbox.pending, e)
	r.Sink = &recordingSink{failAfter: 0}
	r.Deliver(ctx, e) // fails: Redis is down
	r.Sink = sink
	round(1) // reads, finds the event too young, leaves it waiting
	round(0) // it is still young
	now = now.Add(20 * time.Second)
	round(1) // it came of age undelivered: publishes it
	if len(outbox.pending) != 0 || len(sink.published) != 1 {
		t.Fatalf("left %d pending, published %v", len(outbox.pending), sink.published)
	}
	round(0)

	// A young event its own request delivers needs no second read.
	now = now.Add(time.Minute)
	b := pendingAt(t, "b", now)
	outbox.pending = append(outbox.pending, b)
	round(1) // the sweep, for what a crashed replica left behind; b is young
	r.Deliver(ctx, b)
	now = now.Add(20 * time.Second)
	round(0) // b was delivered here, so nothing came of age
	if len(outbox.pending) != 0 || len(sink.published) != 2 {
		t.Fatalf("left %d pending, published %v", len(outbox.pending), sink.published)
	}
}
