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
// at its first round, after one of its own deliveries failed, when a full
// batch may hide more, when a young event a round left waiting has come of
// age without this Relayer delivering it, and every Sweep otherwise, for
// what a replica that crashed left behind. Reading the outbox means
// scanning the documents that carry it, which grows with the data (on
// FerretDB v1 about 8 s at 14,000 candidates), so a relay that read it
// every few seconds, as it did while writes went on, came to dominate the
// store's work.
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
	// waiting holds the young events a round left to the requests
	// publishing them: when each occurred, by id.
	waiting map[string]time.Time
}

// Deliver publishes e and clears it from the outbox; a failure marks the
// outbox for the next round.
func (r *Relayer) Deliver(ctx context.Context, e Envelope) {
	if !Deliver(ctx, r.logger(), r.Outbox, r.Sink, e) {
		r.MarkDirty()
		return
	}
	r.mu.Lock()
	delete(r.waiting, e.ID)
	r.mu.Unlock()
}

// MarkDirty makes the next round read the outbox.
func (r *Relayer) MarkDirty() {
	r.mu.Lock()
	r.dirty = true
	r.mu.Unlock()
}

// Due reports whether the next round, which relays events older than
// grace, must read the outbox, and if so clears the mark: a failure during
// the round marks it again.
func (r *Relayer) Due(grace time.Duration) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	sweep := r.Sweep
	if sweep <= 0 {
		sweep = DefaultSweep
	}
	now := r.now()
	if !r.dirty && !r.scanned.IsZero() && now.Sub(r.scanned) < sweep && !r.cameOfAge(now, grace) {
		return false
	}
	r.dirty, r.scanned, r.waiting = false, now, nil
	return true
}

// cameOfAge reports whether a young event left waiting has waited grace
// and was not delivered here: its request failed, or belongs to another
// replica, which may have crashed. The caller holds mu.
func (r *Relayer) cameOfAge(now time.Time, grace time.Duration) bool {
	for _, occurred := range r.waiting {
		if now.Sub(occurred) >= grace {
			return true
		}
	}
	return false
}

// Scan relays events pending at least grace (see Relay) and returns how
// many it published. A failure or a full batch keeps the outbox marked;
// the young events it left wait for their requests, and only one that
// comes of age undelivered makes a later round read the outbox again.
func (r *Relayer) Scan(ctx context.Context, grace time.Duration) (int, error) {
	res, err := Relay(ctx, r.Outbox, r.Sink, grace, r.now())
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil || res.More {
		r.dirty = true
	}
	for _, e := range res.Young {
		if r.waiting == nil {
			r.waiting = map[string]time.Time{}
		}
		r.waiting[e.ID] = e.OccurredAt
	}
	return res.Published, err
}

// Round is Scan when Due, else nothing.
func (r *Relayer) Round(ctx context.Context, grace time.Duration) (int, error) {
	if !r.Due(grace) {
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
