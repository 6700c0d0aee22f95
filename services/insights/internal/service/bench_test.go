package service_test

import (
	"context"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/events"
)

// BenchmarkAbsorb absorbs batches of 500 events about 200 candidates
// registered in the same batch (registrations, consents, shortlists,
// requests, answers, meetings, hires and follow-ups, as the owners
// publish them) into the real store, the owners answering in-process: the
// fold and the store without the owners' HTTP. It reports events a
// second. A registration-heavy batch, such as a house registering a new
// cohort: every candidate's document is new. BenchmarkAbsorbKnown
// measures the steady state.
func BenchmarkAbsorb(b *testing.B) {
	h := newHarness(b, false, 0)
	ctx := context.Background()
	s := newScenario(h, 42)
	if err := h.svc.Rebuild(ctx); err != nil {
		b.Fatal(err)
	}
	// A first batch creates the collections.
	if err := h.svc.Absorb(ctx, s.batch(200, 500)); err != nil {
		b.Fatal(err)
	}
	absorbBatches(b, h, func() []events.Envelope { return s.batch(200, 500) })
}

// absorbBatches waits for the embedded FerretDB to index the tables the
// set-up created (pkg/ferretsqlite indexes new tables' _id within
// seconds, as it does for a running service), then absorbs a batch from
// next a day after the last, timing the absorbing only, and reports
// events a second.
func absorbBatches(b *testing.B, h *harness, next func() []events.Envelope) {
	time.Sleep(3 * time.Second)
	total := 0
	var spent time.Duration
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		batch := next()
		h.clock.Add(24 * time.Hour)
		b.StartTimer()
		start := time.Now()
		if err := h.svc.Absorb(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
		spent += time.Since(start)
		total += len(batch)
	}
	b.ReportMetric(float64(total)/spent.Seconds(), "events/s")
}

// BenchmarkAbsorbKnown absorbs batches of 500 events about candidates
// stored already (5,000 registered first): consents, settings,
// shortlists, requests and the introductions' steps, as a platform in
// its steady state publishes them. Each changed candidate's progress
// document is rewritten, one update statement each, where a new one is
// part of one insert. It reports events a second.
func BenchmarkAbsorbKnown(b *testing.B) {
	h := newHarness(b, false, 0)
	ctx := context.Background()
	s := newScenario(h, 43)
	if err := h.svc.Rebuild(ctx); err != nil {
		b.Fatal(err)
	}
	for range 10 {
		var batch []events.Envelope
		for range 500 {
			batch = append(batch, s.register()...)
		}
		if err := h.svc.Absorb(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	absorbBatches(b, h, func() []events.Envelope {
		var batch []events.Envelope
		for len(batch) < 500 {
			batch = append(batch, s.step()...)
		}
		return batch
	})
}

// batch registers n new candidates and takes random steps until the
// events number size.
func (s *scenario) batch(n, size int) []events.Envelope {
	from := len(s.cands)
	var out []events.Envelope
	for range n {
		out = append(out, s.register()...)
	}
	fresh := s.cands[from:]
	for len(out) < size {
		id := fresh[s.rng.IntN(len(fresh))]
		w := s.h.world
		switch s.rng.IntN(4) {
		case 0:
			out = append(out, w.Consent(id, true))
		case 1:
			out = append(out, w.Shortlist(id, s.pick(s.roles))...)
		default:
			if len(s.intros[id]) == 0 {
				in, e := w.Ask(id, s.pick(s.roles))
				s.intros[id] = append(s.intros[id], in)
				out = append(out, e)
				continue
			}
			out = append(out, s.introductionStep(s.pick(s.intros[id]))...)
		}
	}
	return out[:size]
}
