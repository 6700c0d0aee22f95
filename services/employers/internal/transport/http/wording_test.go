package http

import (
	"testing"
)

func TestWordingCheckWarnsWithoutBlocking(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	a := h.call(t, "A", "POST", "/api/v1/roles/wording-check", map[string]any{
		"title": "Barista", "description": "Applicants must have a clean record.", "lang": "en"})
	flags, _ := a.body["flags"].([]any)
	if a.status != 200 || len(flags) != 1 {
		t.Fatalf("wording check: %d %v", a.status, a.body)
	}
	f := flags[0].(map[string]any)
	desc := "Applicants must have a clean record."
	start, end := int(f["start"].(float64)), int(f["end"].(float64))
	if f["field"] != "description" || f["suggestion"] == "" || desc[start:end] != f["phrase"] || f["category"] != "criminal_record" {
		t.Fatalf("flag: %v", f)
	}
	if a := h.call(t, "staff", "POST", "/api/v1/roles/wording-check", map[string]any{"title": "Cook"}); a.status != 200 || len(a.body["flags"].([]any)) != 0 {
		t.Fatalf("clean text: %d %v", a.status, a.body)
	}
	if a := h.call(t, "nobody", "POST", "/api/v1/roles/wording-check", map[string]any{"title": "Cook"}); a.status != 403 {
		t.Fatalf("nobody: %d", a.status)
	}
	if a := h.call(t, "A", "POST", "/api/v1/roles/wording-check", map[string]any{"title": "Cook", "tone": "x"}); a.status != 400 {
		t.Fatalf("unknown field: %d", a.status)
	}

	body := barista()
	body["description"] = desc
	created := h.create(t, "A", body)
	if w, _ := created.body["warnings"].([]any); len(w) != 1 {
		t.Fatalf("create must warn and still create: %v", created.body)
	}
	patched := h.call(t, "A", "PATCH", "/api/v1/roles/"+created.str("id"), map[string]any{"version": 1, "description": "Morning shifts."})
	if w, ok := patched.body["warnings"].([]any); patched.status != 200 || !ok || len(w) != 0 {
		t.Fatalf("patch warnings: %d %v", patched.status, patched.body)
	}
}

// TestWordingCheckAgeAndAppearance: age and appearance flags carry their
// category, in the asked language's reasons.
func TestWordingCheckAgeAndAppearance(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	a := h.call(t, "A", "POST", "/api/v1/roles/wording-check", map[string]any{
		"title": "Verkoper (jong en dynamisch)", "description": "Gepflegtes Äußeres. Jeune et dynamique. Young and energetic.", "lang": "fr"})
	flags, _ := a.body["flags"].([]any)
	want := []struct{ field, phrase, category string }{
		{"title", "jong en dynamisch", "age"},
		{"description", "Gepflegtes Äußeres", "appearance"},
		{"description", "Jeune et dynamique", "age"},
		{"description", "Young and energetic", "age"},
	}
	if a.status != 200 || len(flags) != len(want) {
		t.Fatalf("wording check: %d %v", a.status, a.body)
	}
	for i, w := range want {
		f := flags[i].(map[string]any)
		if f["field"] != w.field || f["phrase"] != w.phrase || f["category"] != w.category || f["reason"] == "" {
			t.Errorf("flag %d: %v; want %+v", i, f, w)
		}
	}
	if r := flags[0].(map[string]any)["reason"].(string); len(r) < 10 || r[:9] != "Demander " {
		t.Errorf("reason not in French: %q", r)
	}
}
