package http

import (
	"slices"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/services/placements/internal/domain"
)

func envelope(t *testing.T, typ, id string) events.Envelope {
	t.Helper()
	e, err := events.NewEnvelope(typ, id, 1, "test")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// accepted returns an introduction of cand-1 on role-a, accepted.
func (h *harness) accepted(t *testing.T) string {
	t.Helper()
	id := h.call(t, "empA", "POST", "/api/v1/roles/role-a/introductions", h.ask("ref-1", "")).str("id")
	a := h.call(t, "staffP", "POST", "/api/v1/introductions/"+id+"/answer", map[string]any{"accept": true, "consent_text_version": "v1", "contact": "through_staff"})
	if a.status != 200 {
		t.Fatalf("accept = %d %s", a.status, a.raw)
	}
	return id
}

func TestOutcomes(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 10)
	id := h.call(t, "empA", "POST", "/api/v1/roles/role-a/introductions", h.ask("ref-1", "")).str("id")
	if o := h.call(t, "empA", "POST", "/api/v1/introductions/"+id+"/outcome", map[string]any{"outcome": "not_hired", "reason": "skills"}); o.status != 409 {
		t.Errorf("an outcome before acceptance = %d", o.status)
	}
	_ = h.call(t, "staffP", "POST", "/api/v1/introductions/"+id+"/answer", map[string]any{"accept": true, "consent_text_version": "v1", "contact": "direct"})
	bad := map[string]map[string]any{
		"outcome":                  {"outcome": "maybe"},
		"reason":                   {"outcome": "not_hired", "reason": "offence"},
		"placement":                {"outcome": "hired"},
		"placement.hours_per_week": {"outcome": "hired", "placement": map[string]any{"start_date": "2026-04-01", "contract": "trial", "hours_per_week": 70}},
	}
	for field, body := range bad {
		if o := h.call(t, "empA", "POST", "/api/v1/introductions/"+id+"/outcome", body); o.status != 400 || o.field() != field {
			t.Errorf("%v = %d %s", body, o.status, o.raw)
		}
	}
	if o := h.call(t, "empB", "POST", "/api/v1/introductions/"+id+"/outcome", map[string]any{"outcome": "did_not_take_place"}); o.status != 404 {
		t.Errorf("another employer = %d", o.status)
	}
	o := h.call(t, "staffP", "POST", "/api/v1/introductions/"+id+"/outcome", map[string]any{"outcome": "did_not_take_place"})
	if o.status != 200 || o.body["outcome"].(map[string]any)["side"] != "programme" {
		t.Fatalf("outcome = %d %s", o.status, o.raw)
	}
	if o := h.call(t, "empA", "POST", "/api/v1/introductions/"+id+"/outcome", map[string]any{"outcome": "not_hired", "reason": "skills"}); o.status != 409 {
		t.Errorf("a second outcome = %d", o.status)
	}
	if p := h.call(t, "notifications", "GET", "/internal/v1/introductions/"+id, nil); p.str("outcome_side") != "programme" {
		t.Errorf("parties = %s", p.raw)
	}
}

func TestHirePlacementAndFollowUps(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 10)
	ctx := t.Context()
	id := h.accepted(t)
	// The employers service fails: the hire stands and the step waits.
	h.world.failRoles = 1
	hire := map[string]any{"outcome": "hired", "placement": map[string]any{"start_date": "2026-04-01", "contract": "fixed_term", "hours_per_week": 24}}
	o := h.call(t, "empA", "POST", "/api/v1/introductions/"+id+"/outcome", hire)
	if o.status != 200 || o.str("placement_id") == "" || o.body["outcome"].(map[string]any)["outcome"] != "hired" {
		t.Fatalf("hire = %d %s", o.status, o.raw)
	}
	pid := o.str("placement_id")
	if len(h.world.hires["role-a"]) != 0 {
		t.Fatal("the role counted a hire the fake refused")
	}
	if o := h.call(t, "staffP", "POST", "/api/v1/introductions/"+id+"/outcome", hire); o.status != 409 {
		t.Errorf("a second hire = %d", o.status)
	}
	if n, err := h.svc.Sweep(ctx); err != nil || n != 1 {
		t.Fatalf("sweep = %d %v", n, err)
	}
	if !slices.Equal(h.world.hires["role-a"], []string{pid}) || h.world.placed["cand-1"] != [2]bool{true, false} {
		t.Fatalf("after the retry: hires %v, placed %v", h.world.hires, h.world.placed)
	}
	if n, _ := h.svc.Sweep(ctx); n != 0 {
		t.Fatalf("steps retried after success")
	}

	// Who sees the placement.
	if g := h.call(t, "empA", "GET", "/api/v1/placements/"+pid, nil); g.status != 200 || g.body["candidate_id"] != nil || g.str("candidate_alias") != "Alias of ref-1" {
		t.Errorf("the employer's placement = %d %s", g.status, g.raw)
	}
	if g := h.call(t, "staffQ", "GET", "/api/v1/placements/"+pid, nil); g.status != 404 {
		t.Errorf("another programme = %d", g.status)
	}
	if l := h.call(t, "staffP", "GET", "/api/v1/placements?status=active", nil); len(l.items()) != 1 || l.items()[0]["candidate_id"] != "cand-1" ||
		l.items()[0]["employer_name"] != "Org emp-a" {
		t.Errorf("staff's placements = %s", l.raw)
	}
	if l := h.call(t, "empB", "GET", "/api/v1/placements", nil); len(l.items()) != 0 {
		t.Errorf("another employer's placements = %s", l.raw)
	}
	if s := h.call(t, "empA", "POST", "/api/v1/placements/"+pid+"/still-looking", map[string]any{"still_looking": true}); s.status != 403 {
		t.Errorf("the employer setting still looking = %d", s.status)
	}
	if s := h.call(t, "staffP", "POST", "/api/v1/placements/"+pid+"/still-looking", map[string]any{"still_looking": true}); s.status != 200 || s.body["still_looking"] != true {
		t.Fatalf("still looking = %d %s", s.status, s.raw)
	}
	if h.world.placed["cand-1"] != [2]bool{true, true} {
		t.Errorf("the candidates service was not told: %v", h.world.placed)
	}

	// Follow-ups: three for each side.
	staff := h.call(t, "staffP", "GET", "/api/v1/followups", nil).items()
	emp := h.call(t, "empA", "GET", "/api/v1/followups?status=open", nil).items()
	if len(staff) != 3 || len(emp) != 3 || staff[0]["audience"] != "programme" || emp[0]["audience"] != "employer" || staff[0]["due_on"] != "2026-05-01" {
		t.Fatalf("follow-ups: staff %v, employer %v", staff, emp)
	}
	if l := h.call(t, "staffQ", "GET", "/api/v1/followups", nil).items(); len(l) != 0 {
		t.Errorf("another programme's follow-ups = %v", l)
	}
	if l := h.call(t, "staffP", "GET", "/api/v1/followups?due_before=2026-06-01", nil).items(); len(l) != 1 {
		t.Errorf("due before June = %v", l)
	}
	if l := h.call(t, "staffP", "GET", "/api/v1/followups?due_before=June", nil); l.status != 400 || l.field() != "due_before" {
		t.Errorf("a bad due_before = %d", l.status)
	}
	h.clock.now = time.Date(2026, 5, 1, 6, 0, 0, 0, time.UTC)
	if n, err := h.svc.Sweep(ctx); err != nil || n != 2 {
		t.Fatalf("sweep at 30 days = %d %v", n, err)
	}
	if due := countOf(h.eventTypes(t), "followup.due"); due != 1 {
		t.Fatalf("followup.due raised %d times for one day's two tasks", due)
	}
	h.clock.now = time.Date(2026, 9, 28, 6, 0, 0, 0, time.UTC)
	if n, _ := h.svc.Sweep(ctx); n != 4 {
		t.Fatalf("sweep at 180 days = %d", n)
	}
	if due := countOf(h.eventTypes(t), "followup.due"); due != 3 {
		t.Fatalf("followup.due raised %d times for three days", due)
	}
	staff = h.call(t, "staffP", "GET", "/api/v1/followups", nil).items()
	if staff[0]["overdue"] != true || staff[2]["overdue"] != false {
		t.Errorf("overdue = %v", staff)
	}
	fid, efid := staff[0]["id"].(string), emp[0]["id"].(string)
	if a := h.call(t, "empA", "POST", "/api/v1/followups/"+fid, map[string]any{"still_working": true}); a.status != 404 {
		t.Errorf("the employer answering the programme's task = %d", a.status)
	}
	if a := h.call(t, "empA", "POST", "/api/v1/followups/"+efid, map[string]any{"still_working": true}); a.status != 200 || a.str("status") != "answered" {
		t.Errorf("the employer's answer = %d %s", a.status, a.raw)
	}
	if a := h.call(t, "staffP", "POST", "/api/v1/followups/"+fid, map[string]any{"still_working": false}); a.status != 400 || a.field() != "reason" {
		t.Errorf("ended without a reason = %d %s", a.status, a.raw)
	}
	if a := h.call(t, "staffP", "POST", "/api/v1/followups/"+fid, map[string]any{"still_working": false, "reason": "moved_job"}); a.status != 200 {
		t.Fatalf("staff's answer = %d %s", a.status, a.raw)
	}
	if a := h.call(t, "staffP", "POST", "/api/v1/followups/"+fid, map[string]any{"still_working": true}); a.status != 409 {
		t.Errorf("a second answer = %d", a.status)
	}
	pl := h.call(t, "staffP", "GET", "/api/v1/placements/"+pid, nil)
	if pl.str("status") != "ended" || pl.str("end_reason") != "moved_job" || pl.str("ended_on") != "2026-09-28" {
		t.Errorf("the placement after the answer = %s", pl.raw)
	}
	if h.world.placed["cand-1"][0] {
		t.Errorf("the candidate is still placed: %v", h.world.placed)
	}
	if e := h.call(t, "staffP", "POST", "/api/v1/placements/"+pid+"/end", map[string]any{"ended_on": "2026-09-30", "reason": "left"}); e.status != 409 {
		t.Errorf("ending twice = %d %s", e.status, e.raw)
	}
	rec := h.call(t, "candidates", "GET", "/internal/v1/placement-records/cand-1", nil)
	if len(rec.body["placements"].([]any)) != 1 || len(rec.body["followups"].([]any)) != 6 {
		t.Errorf("record = %s", rec.raw)
	}
	if pending, err := h.store.PendingEvents(ctx, 100); err != nil || len(pending) != 0 {
		t.Errorf("events published but left in the outbox: %+v %v", pending, err)
	}
	types := h.eventTypes(t)
	for _, want := range []string{"placement.started", "meeting.recorded", "followup.due", "followup.recorded", "placement.ended"} {
		if !slices.Contains(types, want) {
			t.Errorf("no %s among %v", want, types)
		}
	}
}

func TestEndPlacement(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 10)
	id := h.accepted(t)
	pid := h.call(t, "staffP", "POST", "/api/v1/introductions/"+id+"/outcome", map[string]any{"outcome": "hired",
		"placement": map[string]any{"start_date": "2026-04-01", "contract": "trial", "hours_per_week": 10}}).str("placement_id")
	if e := h.call(t, "empA", "POST", "/api/v1/placements/"+pid+"/end", map[string]any{"ended_on": "2026-05-01", "reason": "left"}); e.status != 403 {
		t.Errorf("the employer ending = %d", e.status)
	}
	if e := h.call(t, "staffP", "POST", "/api/v1/placements/"+pid+"/end", map[string]any{"ended_on": "2026-05-01", "reason": "prison"}); e.status != 400 || e.field() != "reason" {
		t.Errorf("a bad reason = %d %s", e.status, e.raw)
	}
	e := h.call(t, "staffP", "POST", "/api/v1/placements/"+pid+"/end", map[string]any{"ended_on": "2026-05-01", "reason": "contract_ended"})
	if e.status != 200 || e.str("status") != "ended" || h.world.placed["cand-1"] != [2]bool{false, false} {
		t.Errorf("end = %d %s, placed %v", e.status, e.raw, h.world.placed)
	}
}

func countOf(list []string, s string) int {
	n := 0
	for _, x := range list {
		if x == s {
			n++
		}
	}
	return n
}

// TestCrashAfterTheHireIsFinishedBySweeper stores a hire as a crash right
// after it would leave it (the placement, every step owed) and sees the
// sweeper finish it: the outcome on the introduction, the follow-ups, the
// role's count and the candidate's status, once each.
func TestCrashAfterTheHireIsFinishedBySweeper(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 10)
	ctx := t.Context()
	id := h.accepted(t)
	in, err := h.store.Introduction(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	pl := domain.NewPlacement("pl-crash", in, domain.PlacementTerms{StartDate: "2026-04-01", Contract: "permanent", HoursPerWeek: 38}, domain.SideEmployer, "ua", h.clock.Now())
	if err := h.store.CreatePlacement(ctx, pl, envelope(t, "placement.started", id)); err != nil {
		t.Fatal(err)
	}
	if o := h.call(t, "staffP", "POST", "/api/v1/introductions/"+id+"/outcome", map[string]any{"outcome": "not_hired", "reason": "skills"}); o.status != 409 {
		t.Errorf("an outcome over a stored hire = %d %s", o.status, o.raw)
	}
	for range 2 {
		if _, err := h.svc.Sweep(ctx); err != nil {
			t.Fatal(err)
		}
	}
	g := h.call(t, "empA", "GET", "/api/v1/introductions/"+id, nil)
	if g.str("placement_id") != "pl-crash" || g.body["outcome"].(map[string]any)["side"] != "employer" {
		t.Errorf("the introduction after the sweep = %s", g.raw)
	}
	if f := h.call(t, "staffP", "GET", "/api/v1/followups", nil).items(); len(f) != 3 {
		t.Errorf("follow-ups = %v", f)
	}
	if !slices.Equal(h.world.hires["role-a"], []string{"pl-crash"}) || h.world.placed["cand-1"] != [2]bool{true, false} {
		t.Errorf("hires %v, placed %v", h.world.hires, h.world.placed)
	}
	if p, _ := h.store.Placement(ctx, "pl-crash"); len(p.PendingSteps) != 0 {
		t.Errorf("steps still owed: %v", p.PendingSteps)
	}
}
