package service_test

import (
	"context"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// TestRebuildEqualsIncremental runs a platform of about 100 candidates
// for a year: registrations, consents, shortlists, requests, answers,
// meetings, hires, follow-ups, ends, setting and role changes and two
// erasures, each publishing what the owners publish. The events are
// absorbed late, in random order, in batches of random size, some of
// them twice, and the daily pass runs as the days go by. Then a rebuild
// from the owners' listings (served over HTTP as the owners serve them)
// must hold exactly the same counts, key by key, and the anonymous
// totals must be what the erased candidates contributed.
func TestRebuildEqualsIncremental(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	h := newHarness(t, true, 7)                // small chunks: a batch takes several commits
	if err := h.svc.Rebuild(ctx); err != nil { // the first start, on an empty platform
		t.Fatal(err)
	}
	s := newScenario(h, 15)
	var pending, absorbed []events.Envelope
	stats := map[string]int{}
	for round := range 120 {
		h.clock.Add(time.Duration(1+s.rng.IntN(5)) * 24 * time.Hour)
		if len(s.cands) < 100 {
			pending = append(pending, s.register()...)
		}
		for range 6 {
			pending = append(pending, s.step()...)
		}
		if round%9 == 0 {
			pending = append(pending, s.changeRole()...)
		}
		if round == 70 || round == 100 {
			pending = append(pending, s.erase()...)
		}
		// Deliver a random part of what is pending, shuffled, with some
		// events delivered again; the rest comes later.
		s.rng.Shuffle(len(pending), func(i, j int) { pending[i], pending[j] = pending[j], pending[i] })
		n := s.rng.IntN(len(pending) + 1)
		batch := append([]events.Envelope(nil), pending[:n]...)
		for range s.rng.IntN(3) {
			if len(absorbed) > 0 {
				batch = append(batch, absorbed[s.rng.IntN(len(absorbed))])
			}
		}
		for len(batch) > 0 {
			size := min(len(batch), 1+s.rng.IntN(25))
			h.absorb(t, batch[:size]...)
			batch = batch[size:]
		}
		absorbed, pending = append(absorbed, pending[:n]...), pending[n:]
		if _, err := h.svc.Pass(ctx); err != nil {
			t.Fatal(err)
		}
	}
	h.absorb(t, pending...)
	h.absorb(t, absorbed[:50]...) // redelivered at the end
	if _, err := h.svc.Pass(ctx); err != nil {
		t.Fatal(err)
	}
	for _, e := range absorbed {
		stats[e.Type]++
	}
	t.Logf("absorbed %d events: %v", len(absorbed)+len(pending), stats)
	if stats["placement.started"] < 5 || stats["followup.recorded"] < 5 || stats["candidate.erased"] != 2 || stats["role.changed"] < 5 {
		t.Fatalf("the scenario took too few steps to prove anything: %v", stats)
	}

	living, anonymous := h.counts(t, false), h.counts(t, true)
	if len(anonymous.Cells) == 0 || len(living.Cells) == 0 {
		t.Fatalf("%d living and %d anonymous cells", len(living.Cells), len(anonymous.Cells))
	}
	if err := h.svc.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	equalCounts(t, "living counts after the rebuild", h.counts(t, false), living)
	equalCounts(t, "anonymous totals after the rebuild", h.counts(t, true), anonymous)
	retained := 0
	for k, n := range living.Cells {
		if k.Scope == domain.PlatformScope && k.Dimension == domain.All && k.View == domain.Cohort && k.Measure > domain.MeasureOf(domain.Hired) {
			retained += n
		}
	}
	if retained == 0 {
		t.Error("no retention state was ever counted: the daily pass went unproved")
	}
}

// TestRedeliveredEventChangesNothing absorbs a candidate's events, then
// the same events again, all in one batch and one at a time (a
// registration delivered again finds the candidate stored, though the
// absorber takes a registered candidate as new): no count and no stored
// document changes.
func TestRedeliveredEventChangesNothing(t *testing.T) {
	t.Parallel()
	h := newHarness(t, true, 0)
	s := newScenario(h, 2)
	var all []events.Envelope
	for range 10 {
		all = append(all, s.register()...)
	}
	for range 60 {
		all = append(all, s.step()...)
	}
	h.absorb(t, all...)
	before := h.counts(t, false)
	stored, err := h.store.Stored(context.Background(), 1, s.cands)
	if err != nil {
		t.Fatal(err)
	}
	h.clock.Add(time.Hour)
	h.absorb(t, all...)
	for _, e := range all {
		h.absorb(t, e)
	}
	equalCounts(t, "counts after redelivery", h.counts(t, false), before)
	again, err := h.store.Stored(context.Background(), 1, s.cands)
	if err != nil {
		t.Fatal(err)
	}
	for id, st := range stored {
		if again[id].Version != st.Version || !again[id].FoldedAt.Equal(st.FoldedAt) {
			t.Errorf("candidate %s rewritten: version %d → %d", id, st.Version, again[id].Version)
		}
	}
}

// TestErasureKeepsTheTotals erases a hired candidate: they leave every
// living count and the anonymous totals gain exactly as much, so every
// total a report shows stays the same; the erasure delivered again adds
// nothing, and a late event about them counts nothing.
func TestErasureKeepsTheTotals(t *testing.T) {
	t.Parallel()
	h := newHarness(t, false, 0)
	s := newScenario(h, 3)
	w := h.world
	id, reg := w.Register("org-a", "released", []string{"prog-1"}, "2794055", "2797656")
	consent := w.Consent(id, true)
	short := w.Shortlist(id, "role-1")
	in, ask := w.Ask(id, "role-1")
	h.absorb(t, append(short, reg, consent, ask)...)
	other := s.register()
	h.absorb(t, append(other, w.Answer(in, true), w.Meet(in, "hired"), w.Hire(in, h.clock.Now(), "permanent"))...)
	total, living := h.total(t), h.counts(t, false)

	h.clock.Add(24 * time.Hour)
	late := w.AnswerFollowUp(in, 30, "employer", true)
	erased := w.Erase(id)
	h.absorb(t, erased)
	h.absorb(t, erased, late)
	equalCounts(t, "living + anonymous after the erasure", h.total(t), total)
	after := h.counts(t, false)
	hired := domain.Key{Scope: domain.PlatformScope, View: domain.Cohort, Month: domain.MonthOf(h.clock.Now().Add(-24 * time.Hour)),
		Dimension: domain.All, Group: domain.AllGroup, Measure: domain.MeasureOf(domain.Hired)}
	if living.Cells[hired] != 1 || after.Cells[hired] != 0 || h.counts(t, true).Cells[hired] != 1 {
		t.Errorf("hired: living %d → %d, anonymous %d; want 1 → 0, 1", living.Cells[hired], after.Cells[hired], h.counts(t, true).Cells[hired])
	}
	if st, _ := h.store.Stored(context.Background(), 1, []string{id}); len(st) != 0 {
		t.Error("the erased candidate's progress is still stored")
	}
}
