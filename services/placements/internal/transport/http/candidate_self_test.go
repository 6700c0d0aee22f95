package http

import (
	"testing"
)

// TestCandidateAnswersTheirOwnIntroduction: a candidate signed in to
// their own account lists and reads only their own introductions, answers
// one with the same checks staff meet, and the introduction and the grant
// request say that the candidate answered; staff see that too, the
// employer does not. Another candidate's introduction is 404 on every
// route.
func TestCandidateAnswersTheirOwnIntroduction(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 10)
	own := h.call(t, "empA", "POST", "/api/v1/roles/role-a/introductions", h.ask("ref-1", "")).str("id")
	other := h.call(t, "empA", "POST", "/api/v1/roles/role-a/introductions", h.ask("ref-3", "")).str("id")
	accept := map[string]any{"accept": true, "consent_text_version": "2026-01", "disclose": []string{"phone"}, "contact": "direct"}

	if l := h.call(t, "self1", "GET", "/api/v1/introductions", nil); l.status != 200 || len(l.items()) != 1 || l.items()[0]["id"] != own {
		t.Fatalf("the candidate's introductions = %d %s", l.status, l.raw)
	}
	if l := h.call(t, "self1", "GET", "/api/v1/introductions?candidate=cand-1", nil); l.status != 200 || len(l.items()) != 1 {
		t.Errorf("filtered by their own id = %d %s", l.status, l.raw)
	}
	if l := h.call(t, "self1", "GET", "/api/v1/introductions?candidate=cand-3", nil); l.status != 404 {
		t.Errorf("filtered by another candidate = %d %s", l.status, l.raw)
	}
	for _, r := range []struct {
		method, path string
		body         any
	}{
		{"GET", "/api/v1/introductions/" + other, nil},
		{"POST", "/api/v1/introductions/" + other + "/answer", accept},
		{"POST", "/api/v1/introductions/" + other + "/withdraw", nil},
		{"GET", "/api/v1/introductions/" + other + "/messages", nil},
		{"POST", "/api/v1/introductions/" + other + "/messages", map[string]any{"text": "hi"}},
		{"POST", "/api/v1/introductions/" + other + "/outcome", map[string]any{"outcome": "did_not_take_place"}},
	} {
		if a := h.call(t, "self1", r.method, r.path, r.body); a.status != 404 {
			t.Errorf("%s %s of another candidate = %d %s, want 404", r.method, r.path, a.status, a.raw)
		}
	}
	if _, asked := h.world.grantAsks[other]; asked {
		t.Fatal("another candidate's answer reached the candidates service")
	}

	if g := h.call(t, "self1", "GET", "/api/v1/introductions/"+own, nil); g.status != 200 || g.str("candidate_id") != "cand-1" {
		t.Fatalf("the candidate's own introduction = %d %s", g.status, g.raw)
	}
	if a := h.call(t, "self1", "POST", "/api/v1/introductions/"+own+"/answer", map[string]any{"accept": true, "contact": "direct"}); a.status != 400 || a.field() != "consent_text_version" {
		t.Errorf("the candidate accepting without a consent text = %d %s", a.status, a.raw)
	}
	a := h.call(t, "self1", "POST", "/api/v1/introductions/"+own+"/answer", accept)
	if a.status != 200 || a.str("status") != "accepted" || a.str("disclosure_id") != "grant-"+own {
		t.Fatalf("the candidate accepting = %d %s", a.status, a.raw)
	}
	if ans := a.body["answer"].(map[string]any); ans["answered_by"] != "self-user-1" || ans["answered_by_candidate"] != true {
		t.Errorf("the candidate's answer = %v", ans)
	}
	if g := h.world.grantAsks[own]; g["recorded_by"] != "self-user-1" || g["recorded_by_candidate"] != true {
		t.Errorf("the grant asked for = %v", g)
	}
	staff := h.call(t, "staffP", "GET", "/api/v1/introductions/"+own, nil)
	if ans, _ := staff.body["answer"].(map[string]any); ans["answered_by_candidate"] != true || ans["answered_by"] != "self-user-1" {
		t.Errorf("the staff's view of the candidate's answer = %s", staff.raw)
	}
	if emp := h.call(t, "empA", "GET", "/api/v1/introductions/"+own, nil); emp.body["answer"].(map[string]any)["answered_by_candidate"] != nil {
		t.Errorf("the employer learns who answered: %s", emp.raw)
	}

	// Staff answering for the candidate are recorded as staff.
	d := h.call(t, "staffQ", "POST", "/api/v1/introductions/"+other+"/answer", map[string]any{"accept": false, "decline_reason": "travel"})
	if d.status != 200 || d.body["answer"].(map[string]any)["answered_by_candidate"] != false {
		t.Errorf("staff declining = %d %s", d.status, d.raw)
	}

	// The thread is read-only for the candidate; the rest is the sides' work.
	h.call(t, "empA", "POST", "/api/v1/introductions/"+own+"/messages", map[string]any{"text": "When suits?"})
	if m := h.call(t, "self1", "GET", "/api/v1/introductions/"+own+"/messages", nil); m.status != 200 || len(m.items()) != 1 {
		t.Errorf("the candidate reading the thread = %d %s", m.status, m.raw)
	}
	for _, r := range []struct {
		method, path string
		body         any
	}{
		{"POST", "/api/v1/introductions/" + own + "/messages", map[string]any{"text": "Tuesday"}},
		{"POST", "/api/v1/introductions/" + own + "/outcome", map[string]any{"outcome": "did_not_take_place"}},
		{"POST", "/api/v1/introductions/" + own + "/withdraw", nil},
		{"GET", "/api/v1/placements", nil},
		{"GET", "/api/v1/followups", nil},
	} {
		if a := h.call(t, "self1", r.method, r.path, r.body); a.status != 403 {
			t.Errorf("%s %s as the candidate = %d %s, want 403", r.method, r.path, a.status, a.raw)
		}
	}
	if p := h.call(t, "self1", "GET", "/internal/v1/introductions/"+own, nil); p.status != 403 {
		t.Errorf("a candidate on the internal API = %d", p.status)
	}
}

// TestCandidateIsKeptOutOfPlacements: placements and follow-ups are the
// sides' work: the candidate hears 403 about their own and 404 about
// another's.
func TestCandidateIsKeptOutOfPlacements(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 10)
	id := h.accepted(t)
	hire := map[string]any{"outcome": "hired", "placement": map[string]any{"start_date": "2026-04-01", "contract": "fixed_term", "hours_per_week": 24}}
	pid := h.call(t, "empA", "POST", "/api/v1/introductions/"+id+"/outcome", hire).str("placement_id")
	followups := h.call(t, "staffP", "GET", "/api/v1/followups", nil).items()
	if pid == "" || len(followups) == 0 {
		t.Fatalf("no placement or follow-ups to test: %q %v", pid, followups)
	}
	fid := followups[0]["id"].(string)
	for _, r := range []struct {
		method, path string
		body         any
	}{
		{"GET", "/api/v1/placements/" + pid, nil},
		{"POST", "/api/v1/placements/" + pid + "/end", map[string]any{"ended_on": "2026-04-02", "reason": "other"}},
		{"POST", "/api/v1/placements/" + pid + "/still-looking", map[string]any{"still_looking": true}},
		{"POST", "/api/v1/followups/" + fid, map[string]any{"still_working": true}},
	} {
		for who, want := range map[string]int{"self1": 403, "self3": 404} {
			if a := h.call(t, who, r.method, r.path, r.body); a.status != want {
				t.Errorf("%s %s as %s = %d %s, want %d", r.method, r.path, who, a.status, a.raw, want)
			}
		}
	}
	if g := h.call(t, "staffP", "GET", "/api/v1/placements/"+pid, nil); g.str("status") != "active" || g.body["still_looking"] == true {
		t.Errorf("the placement after the candidate's refused changes = %s", g.raw)
	}
}
