package http

import (
	"slices"
	"testing"
)

func fullProfile(version int64) map[string]any {
	return map[string]any{
		"version": version, "display_name": "Café Noord", "sectors": []string{"I", "G"},
		"description": "A roastery café.", "website": "https://cafe-noord.example", "size_band": "10-49",
		"sites":       []any{map[string]any{"place_id": kortrijk}, map[string]any{"name": "Warehouse", "lat": 50.8, "lon": 3.2}},
		"fair_chance": map[string]any{"statement": "We judge skills.", "commitments": []string{"skills_first", "mentor"}},
		"contact":     map[string]any{"name": "An Peeters", "email": "an@cafe-noord.example", "phone": "+32 56 00 00 00"},
	}
}

func TestProfileCreatedOnFirstVisitAndUpdated(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	me := h.call(t, "A", "GET", "/api/v1/employers/me", nil)
	if me.status != 200 || me.str("id") != "emp-a" || me.version() != 1 {
		t.Fatalf("first visit: %d %v", me.status, me.body)
	}
	if again := h.call(t, "A", "GET", "/api/v1/employers/me", nil); again.version() != 1 {
		t.Fatalf("second visit must not create again: %v", again.body)
	}
	put := h.call(t, "A", "PUT", "/api/v1/employers/me", fullProfile(1))
	if put.status != 200 || put.version() != 2 || put.str("display_name") != "Café Noord" {
		t.Fatalf("put: %d %v", put.status, put.body)
	}
	if sites := put.body["sites"].([]any); sites[0].(map[string]any)["name"] != "Kortrijk" {
		t.Fatalf("site not resolved: %v", sites)
	}
	if c, _ := put.body["contact"].(map[string]any); c["email"] != "an@cafe-noord.example" {
		t.Fatalf("an employer sees its own contact: %v", put.body)
	}
	if stale := h.call(t, "A", "PUT", "/api/v1/employers/me", fullProfile(1)); stale.status != 409 {
		t.Fatalf("stale put: %d", stale.status)
	}
	evs := h.streamEvents(t, h.profiles)
	if len(evs) != 2 || evs[1].Type != "employer.updated" || evs[1].AggregateID != "emp-a" || evs[1].Version != 2 {
		t.Fatalf("profile events: %+v", evs)
	}
}

func TestProfileVisibility(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.call(t, "A", "GET", "/api/v1/employers/me", nil)
	h.call(t, "A", "PUT", "/api/v1/employers/me", fullProfile(1))
	for _, who := range []string{"staff", "admin"} {
		a := h.call(t, who, "GET", "/api/v1/employers/emp-a", nil)
		if c, _ := a.body["contact"].(map[string]any); a.status != 200 || c["name"] != "An Peeters" {
			t.Errorf("%s sees the profile with contact: %d %v", who, a.status, a.body)
		}
		if a := h.call(t, who, "GET", "/api/v1/employers/me", nil); a.status != 403 {
			t.Errorf("%s has no profile of its own: %d", who, a.status)
		}
		if a := h.call(t, who, "PUT", "/api/v1/employers/me", fullProfile(1)); a.status != 403 {
			t.Errorf("%s writes a profile: %d", who, a.status)
		}
	}
	if a := h.call(t, "B", "GET", "/api/v1/employers/emp-a", nil); a.status != 403 || a.body["contact"] != nil {
		t.Fatalf("another employer reads the profile: %d %v", a.status, a.body)
	}
	if a := h.call(t, "A", "GET", "/api/v1/employers/emp-a", nil); a.status != 200 || a.body["contact"] == nil {
		t.Fatalf("an employer reads its own profile by id: %d %v", a.status, a.body)
	}
	if a := h.call(t, "staff", "GET", "/api/v1/employers/emp-zz", nil); a.status != 404 {
		t.Fatalf("unknown employer: %d", a.status)
	}
}

func TestBadProfileInput(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	cases := map[string]func(map[string]any){
		"display_name":               func(b map[string]any) { b["display_name"] = "" },
		"sectors[1]":                 func(b map[string]any) { b["sectors"] = []string{"I", "V"} },
		"website":                    func(b map[string]any) { b["website"] = "ftp://x.example" },
		"size_band":                  func(b map[string]any) { b["size_band"] = "huge" },
		"sites[0].place_id":          func(b map[string]any) { b["sites"] = []any{map[string]any{"place_id": "0"}} },
		"sites[0].lon":               func(b map[string]any) { b["sites"] = []any{map[string]any{"name": "x", "lat": 1, "lon": 200}} },
		"fair_chance.commitments[0]": func(b map[string]any) { b["fair_chance"] = map[string]any{"commitments": []string{"free_coffee"}} },
		"contact.email":              func(b map[string]any) { b["contact"] = map[string]any{"email": "not-an-address"} },
		"version":                    func(b map[string]any) { delete(b, "version") },
	}
	for field, change := range cases {
		b := fullProfile(1)
		change(b)
		a := h.call(t, "A", "PUT", "/api/v1/employers/me", b)
		if a.status != 400 || !slices.Contains(a.fields(), field) {
			t.Errorf("%s: %d %v", field, a.status, a.body)
		}
	}
	if me := h.call(t, "A", "GET", "/api/v1/employers/me", nil); me.version() != 1 || me.str("display_name") != "" {
		t.Fatalf("a rejected put changed the profile: %v", me.body)
	}
}
