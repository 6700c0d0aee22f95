package http

import (
	"slices"
	"testing"
	"time"
)

// TestValidateRoleDraft: the review step checks a draft by the rules of
// create and edit, answers every field error at once and stores nothing.
func TestValidateRoleDraft(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	if a := h.call(t, "A", "POST", "/api/v1/roles/validate", barista()); a.status != 204 {
		t.Fatalf("valid draft: %d %v", a.status, a.body)
	}
	body := barista()
	body["title"] = ""
	body["sector"] = "Z"
	body["hours_per_week"] = 80
	body["contract"] = "fixed_term"
	body["start_date"] = time.Now().UTC().AddDate(0, 0, -1).Format(time.DateOnly)
	body["essential_skills"] = []any{map[string]any{"skill": "juggling", "min_level": 9}}
	body["schedule"] = map[string]any{"days": []string{"someday"}, "start": "15:00", "end": "07:00"}
	body["status"] = "filled"
	a := h.call(t, "A", "POST", "/api/v1/roles/validate", body)
	want := []string{"status", "title", "sector", "essential_skills[0].skill", "essential_skills[0].min_level",
		"schedule.days[0]", "schedule.end", "hours_per_week", "start_date", "end_date"}
	if a.status != 400 || a.ctype != "application/problem+json" || !slices.Equal(a.fields(), want) {
		t.Fatalf("invalid draft: %d %v\nfields %v\nwant   %v", a.status, a.body, a.fields(), want)
	}
	if list := h.call(t, "A", "GET", "/api/v1/roles", nil); len(list.items()) != 0 {
		t.Fatalf("validation stored a role: %v", list.body)
	}
	if evs := h.streamEvents(t, h.roles); len(evs) != 0 {
		t.Fatalf("validation published: %+v", evs)
	}
	// Template skills fill a draft that names none, as on create.
	noSkills := barista()
	delete(noSkills, "essential_skills")
	if a := h.call(t, "A", "POST", "/api/v1/roles/validate", noSkills); a.status != 204 {
		t.Fatalf("draft from a template: %d %v", a.status, a.body)
	}
	if a := h.call(t, "staff", "POST", "/api/v1/roles/validate", barista()); a.status != 403 {
		t.Fatalf("staff validating: %d", a.status)
	}
	if a := h.call(t, "A", "POST", "/api/v1/roles/validate", map[string]any{"title": "x", "colour": "red"}); a.status != 400 {
		t.Fatalf("unknown field: %d", a.status)
	}
}

// TestValidateRoleEdit: /roles/{id}/validate applies a partial body to the
// stored role by PATCH's rules.
func TestValidateRoleEdit(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	id := h.create(t, "A", barista()).str("id")
	if a := h.call(t, "A", "POST", "/api/v1/roles/"+id+"/validate", map[string]any{"positions": 3}); a.status != 204 {
		t.Fatalf("valid edit: %d %v", a.status, a.body)
	}
	a := h.call(t, "A", "POST", "/api/v1/roles/"+id+"/validate", map[string]any{"title": "", "positions": 0, "status": "open"})
	if a.status != 400 || !slices.Equal(a.fields(), []string{"status", "title", "positions"}) {
		t.Fatalf("invalid edit: %d %v", a.status, a.body)
	}
	if got := h.call(t, "A", "GET", "/api/v1/roles/"+id, nil); got.version() != 1 || got.str("title") != "Barista" {
		t.Fatalf("validation changed the role: %v", got.body)
	}
	if a := h.call(t, "A", "POST", "/api/v1/roles/"+id+"/validate", map[string]any{"version": 7, "positions": 2}); a.status != 409 {
		t.Fatalf("stale version: %d %v", a.status, a.body)
	}
	if a := h.call(t, "B", "POST", "/api/v1/roles/"+id+"/validate", map[string]any{"positions": 2}); a.status != 404 {
		t.Fatalf("another employer's role: %d", a.status)
	}
	h.setStatus(t, id, map[string]any{"status": "closed"}, 200)
	if a := h.call(t, "A", "POST", "/api/v1/roles/"+id+"/validate", map[string]any{"positions": 2}); a.status != 409 {
		t.Fatalf("closed role: %d %v", a.status, a.body)
	}
}

func TestSectorNames(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	a := h.call(t, "staff", "GET", "/api/v1/roles/sectors?lang=fr", nil)
	items, _ := a.body["items"].([]any)
	if a.status != 200 || len(items) != 21 {
		t.Fatalf("sectors: %d %v", a.status, a.body)
	}
	i := items[8].(map[string]any)
	names, _ := i["names"].(map[string]any)
	if i["code"] != "I" || i["name"] != "Hébergement et restauration" || names["de"] != "Gastgewerbe" || names["nl"] == "" || names["en"] == "" {
		t.Fatalf("sector I: %v", i)
	}
	if a := h.call(t, "A", "GET", "/api/v1/roles/sectors", nil); a.status != 200 ||
		a.body["items"].([]any)[0].(map[string]any)["name"] != "Agriculture, forestry and fishing" {
		t.Fatalf("sectors in English: %d %v", a.status, a.body)
	}
	if a := h.call(t, "nobody", "GET", "/api/v1/roles/sectors", nil); a.status != 403 {
		t.Fatalf("nobody: %d", a.status)
	}
}
