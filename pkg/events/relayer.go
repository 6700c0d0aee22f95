package events

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// DefaultSweep is how often a Relayer reads the outbox when nothing told
// it there is anything to publish.
const DefaultSweep = 5 * time.Minute

// Relayer publishes a service's events (Deliver) and relays what is left
// behind (Round), reading the outbox only when something may be there:
// at its first round, after one of its own deliveries failed, while a
// round left young events waiting, and every Sweep otherwise, for what a
// replica that crashed left behind. Reading the outbox means scanning the
// documents that carry it, which grows with the data, so a relay that
// read it every few seconds would come to dominate the store's work.
type Relayer struct {
	Outbox Outbox
	Sink   Sink
	Logger *slog.Logger
	// Sweep defaults to DefaultSweep; Now to time.Now.
	Sweep time.Duration
	Now   func() time.Time

	mu      sync.Mutex
	dirty   bool
	scanned time.Time
}

// Deliver publishes e and clears it from the outbox; a failure marks the
// outbox for the next round.
func (r *Relayer) Deliver(ctx context.Context, e Envelope) {
	if !Deliver(ctx, r.logger(), r.Outbox, r.Sink, e) {
		r.MarkDirty()
	}
}

// MarkDirty makes the next round read the outbox.
func (r *Relayer) MarkDirty() {
	r.mu.Lock()
	r.dirty = true
	r.mu.Unlock()
}

// Due reports whether the next round must read the outbox, and if so
// clears the mark: a failure during the round marks it again.
func (r *Relayer) Due() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	sweep := r.Sweep
	if sweep <= 0 {
		sweep = DefaultSweep
	}
	if !r.dirty && !r.scanned.IsZero() && r.now().Sub(r.scanned) < sweep {
		return false
	}
	r.dirty, r.scanned = false, r.now()
	return true
}

// Scan relays events pending at least grace (see Relay) and returns how
// many it published. Events it left waiting, or a failure, keep the
// outbox marked.
func (r *Relayer) Scan(ctx context.Context, grace time.Duration) (int, error) {
	n, young, err := Relay(ctx, r.Outbox, r.Sink, grace, r.now())
	if err != nil || young > 0 {
		r.MarkDirty()
	}
	return n, err
}

// Round is Scan when Due, else nothing.
func (r *Relayer) Round(ctx context.Context, grace time.Duration) (int, error) {
	if !r.Due() {
		return 0, nil
	}
	return r.Scan(ctx, grace)
}

func (r *Relayer) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

func (r *Relayer) logger() *slog.Logger {
	if r.Logger != nil {
		return r.Logger
	}
	return slog.Default()
}
