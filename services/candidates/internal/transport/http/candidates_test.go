package http

import (
	"fmt"
	"net/url"
	"slices"
	"testing"
)

// TestCandidateLifecycle registers a candidate, reads it, changes it with
// its version (null clears, lists replace), is refused a stale version and
// finds it by name, alias, setting and programme.
func TestCandidateLifecycle(t *testing.T) {
	h := newHarness(t)
	created := h.register(t, "member", jan())
	id := created.str("id")
	if got := created.header["Location"]; got != "/api/v1/candidates/"+id {
		t.Errorf("Location = %q", got)
	}
	if created.version() != 1 || len(created.str("alias")) != 4 {
		t.Errorf("new candidate: version %d alias %q", created.version(), created.str("alias"))
	}
	house, _ := created.body["house"].(map[string]any)
	if house["place_id"] != kortrijk || house["name"] != "Kortrijk" {
		t.Errorf("house = %v; want the place id and the gazetteer's name", house)
	}
	consent, _ := created.body["consent"].(map[string]any)
	if consent["matching"] != false || consent["recorded_at"] != nil {
		t.Errorf("consent of a new candidate = %v; want withheld and never recorded", consent)
	}

	got := h.call(t, "member", "GET", "/api/v1/candidates/"+id, nil).must(t, 200)
	if got.str("given_name") != janGiven || got.str("email") != janEmail || got.version() != 1 {
		t.Errorf("read back %s", got.raw)
	}

	patched := h.call(t, "member", "PATCH", "/api/v1/candidates/"+id, map[string]any{
		"version": 1, "preferred_name": nil, "phone": nil, "languages": []any{map[string]any{"code": "fr", "level": "B1"}},
	}).must(t, 200)
	if patched.version() != 2 {
		t.Errorf("version after a change = %d, want 2", patched.version())
	}
	if _, ok := patched.body["preferred_name"]; ok {
		t.Errorf("preferred_name sent as null is still %v", patched.body["preferred_name"])
	}
	if _, ok := patched.body["phone"]; ok {
		t.Errorf("phone sent as null is still %v", patched.body["phone"])
	}
	if patched.str("email") != janEmail || patched.str("family_name") != janFamily {
		t.Errorf("fields the patch did not name changed: %s", patched.raw)
	}
	if langs, _ := patched.body["languages"].([]any); len(langs) != 1 || langs[0].(map[string]any)["code"] != "fr" {
		t.Errorf("languages = %v; a list replaces whole", patched.body["languages"])
	}

	stale := h.call(t, "member", "PATCH", "/api/v1/candidates/"+id, map[string]any{"version": 1, "given_name": "Jana"})
	if stale.status != 409 {
		t.Errorf("stale version: %d %s, want 409", stale.status, stale.raw)
	}
	// Moving to probation drops the house and day release; null clears them.
	moved := h.call(t, "member", "PATCH", "/api/v1/candidates/"+id, map[string]any{
		"version": 2, "setting": "probation", "house": nil, "day_release": nil,
	}).must(t, 200)
	if _, ok := moved.body["house"]; ok || moved.str("setting") != "probation" {
		t.Errorf("after moving to probation: %s", moved.raw)
	}

	prog := h.programme(t, "member")
	h.call(t, "member", "POST", "/api/v1/candidates/"+id+"/programme-records", map[string]any{
		"programme": prog, "from": "2026-01-05", "hours": 120,
	}).must(t, 201)
	other := h.register(t, "member", map[string]any{"given_name": "Émile", "family_name": "Dubois", "setting": "released",
		"release": map[string]any{"return_region": map[string]any{"place_id": gent, "radius_km": 20}}}).str("id")
	h.register(t, "member2", jan()) // another organisation's namesake never shows

	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"", []string{id, other}},
		{"q=jann", []string{id}},
		{"q=" + url.QueryEscape("PEETERSVAN jan"), []string{id}},
		{"q=emile", []string{other}},
		{"q=" + created.str("alias"), []string{id}},
		{"q=nobody", nil},
		{"setting=released", []string{other}},
		{"setting=probation", []string{id}},
		{"programme=" + prog, []string{id}},
		{"programme=" + prog + "&q=emile", nil},
	} {
		list := h.call(t, "member", "GET", "/api/v1/candidates?"+tc.query, nil).must(t, 200)
		var ids []string
		for _, it := range list.items() {
			ids = append(ids, it["id"].(string))
		}
		slices.Sort(ids)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(ids, want) {
			t.Errorf("list ?%s = %v, want %v", tc.query, ids, want)
		}
	}
	summary := h.call(t, "member", "GET", "/api/v1/candidates?q=jann", nil).must(t, 200).items()[0]
	if summary["display_name"] != janGiven+" "+janFamily || summary["version"] != float64(4) ||
		fmt.Sprint(summary["programmes"]) != fmt.Sprint([]any{prog}) || summary["consent_matching"] != false {
		t.Errorf("summary = %v", summary)
	}
}

// TestListPages walks a listing two at a time with the cursor.
func TestListPages(t *testing.T) {
	h := newHarness(t)
	for range 5 {
		h.register(t, "member", jan())
	}
	seen := map[string]bool{}
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > 3 {
			t.Fatal("more pages than candidates")
		}
		a := h.call(t, "member", "GET", "/api/v1/candidates?limit=2&cursor="+cursor, nil).must(t, 200)
		for _, it := range a.items() {
			seen[it["id"].(string)] = true
		}
		cursor = a.str("next_cursor")
		if cursor == "" {
			break
		}
	}
	if len(seen) != 5 {
		t.Errorf("paged through %d candidates, want 5", len(seen))
	}
}
