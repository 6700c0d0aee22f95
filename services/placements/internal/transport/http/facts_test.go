package http

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/onward-jobs/onward/pkg/api"
)

// TestFactsOfAHire reads a hire's facts: every time and category of its
// answer, outcome, placement and follow-ups, and no text.
func TestFactsOfAHire(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 10)
	want := h.hiredWithAnswers(t)
	f := h.call(t, "insights", "GET", "/internal/v1/introductions/"+want.ID+"/facts", nil)
	if f.status != 200 {
		t.Fatalf("facts = %d %s", f.status, f.raw)
	}
	var got api.IntroductionFacts
	if err := json.Unmarshal([]byte(f.raw), &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("facts\n got %s\nwant %s", f.raw, mustJSON(t, want))
	}
	noText(t, f.raw)
	if u := h.call(t, "insights", "GET", "/internal/v1/introductions/no-such-id/facts", nil); u.status != 404 {
		t.Errorf("facts of an unknown introduction = %d %s", u.status, u.raw)
	}
}

// TestFactsListingStreamsEveryIntroduction lists a hire, a refusal and a
// waiting request, each as the single read gives it, and the end line.
func TestFactsListingStreamsEveryIntroduction(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 10)
	hire := h.hiredWithAnswers(t)
	declined := h.call(t, "empA", "POST", "/api/v1/roles/role-a/introductions", h.ask("ref-3", factsNote)).str("id")
	if a := h.call(t, "staffQ", "POST", "/api/v1/introductions/"+declined+"/answer", map[string]any{"accept": false, "decline_reason": "travel"}); a.status != 200 {
		t.Fatalf("decline = %d %s", a.status, a.raw)
	}
	waiting := h.call(t, "empA", "POST", "/api/v1/roles/role-a/introductions", h.ask("ref-2", factsNote)).str("id")

	l := h.call(t, "insights", "GET", "/internal/v1/introduction-facts", nil)
	if l.status != 200 || l.ctype != "application/x-ndjson" {
		t.Fatalf("listing = %d %s %s", l.status, l.ctype, l.raw)
	}
	noText(t, l.raw)
	lines := factLines(t, l.raw)
	if len(lines) != 3 {
		t.Fatalf("listed %d introductions; want 3: %s", len(lines), l.raw)
	}
	for _, id := range []string{hire.ID, declined, waiting} {
		one := h.call(t, "insights", "GET", "/internal/v1/introductions/"+id+"/facts", nil)
		var single map[string]any
		_ = json.Unmarshal([]byte(one.raw), &single)
		if !reflect.DeepEqual(lines[id], single) {
			t.Errorf("listed %v; the single read gives %s", lines[id], one.raw)
		}
	}
	if a := lines[declined]["answer"].(map[string]any); a["accepted"] != false || a["answered_at"] == nil || lines[declined]["placement"] != nil {
		t.Errorf("the refusal's facts = %v", lines[declined])
	}
	if w := lines[waiting]; w["status"] != "requested" || w["answer"] != nil || w["outcome"] != nil || len(w["followups"].([]any)) != 0 {
		t.Errorf("the waiting request's facts = %v", w)
	}
}

// TestFactsAreForTheInsightsServiceOnly refuses people and other services
// on both operations, the stream before it starts.
func TestFactsAreForTheInsightsServiceOnly(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 10)
	id := h.accepted(t)
	for _, path := range []string{"/internal/v1/introductions/" + id + "/facts", "/internal/v1/introduction-facts"} {
		if a := h.call(t, "", "GET", path, nil); a.status != 401 {
			t.Errorf("%s without a token = %d", path, a.status)
		}
		for _, who := range []string{"staffP", "empA", "admin", "cand", "notifications", "candidates"} {
			if a := h.call(t, who, "GET", path, nil); a.status != 403 || a.ctype != "application/problem+json" {
				t.Errorf("%s as %s = %d %s", path, who, a.status, a.ctype)
			}
		}
		if a := h.call(t, "insights", "GET", path, nil); a.status != 200 {
			t.Errorf("%s as insights = %d %s", path, a.status, a.raw)
		}
	}
}

// TestFactsVanishWithAnErasedCandidate erases a candidate: their
// introductions' facts answer 404 and leave the listing; others stay.
func TestFactsVanishWithAnErasedCandidate(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 10)
	hire := h.hiredWithAnswers(t)
	other := h.call(t, "empA", "POST", "/api/v1/roles/role-a/introductions", h.ask("ref-2", "")).str("id")
	if err := h.svc.HandleEvent(t.Context(), envelope(t, "candidate.erased", "cand-1")); err != nil {
		t.Fatal(err)
	}
	if f := h.call(t, "insights", "GET", "/internal/v1/introductions/"+hire.ID+"/facts", nil); f.status != 404 {
		t.Errorf("an erased candidate's facts = %d %s", f.status, f.raw)
	}
	lines := factLines(t, h.call(t, "insights", "GET", "/internal/v1/introduction-facts", nil).raw)
	if _, ok := lines[other]; len(lines) != 1 || !ok {
		t.Errorf("after the erasure the listing holds %v; want only %s", lines, other)
	}
}
