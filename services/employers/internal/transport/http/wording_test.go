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
	if f["field"] != "description" || f["suggestion"] == "" || desc[start:end] != f["phrase"] {
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
