package http

import (
	"reflect"
	"testing"
)

func TestEmployersSeeOnlyTheirOwnRoles(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	id := h.create(t, "A", barista()).str("id")
	for _, req := range []struct {
		method, path string
		body         any
	}{
		{"GET", "/api/v1/roles/" + id, nil},
		{"PATCH", "/api/v1/roles/" + id, map[string]any{"version": 1, "title": "Mine now"}},
		{"POST", "/api/v1/roles/" + id + "/status", map[string]any{"status": "open"}},
	} {
		if a := h.call(t, "B", req.method, req.path, req.body); a.status != 404 {
			t.Errorf("B %s %s: %d; want 404", req.method, req.path, a.status)
		}
	}
	if list := h.call(t, "B", "GET", "/api/v1/roles", nil); list.status != 200 || len(list.items()) != 0 {
		t.Fatalf("B lists A's roles: %v", list.body)
	}
	if a := h.call(t, "A", "GET", "/api/v1/roles/"+id, nil); a.str("title") != "Barista" || a.version() != 1 {
		t.Fatalf("B's attempts changed A's role: %v", a.body)
	}
	if a := h.call(t, "A", "GET", "/api/v1/roles/no-such-role", nil); a.status != 404 {
		t.Fatalf("missing role: %d", a.status)
	}
}

func TestStaffAndAdminsReadOpenRolesOnly(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	open := barista()
	open["status"] = "open"
	openA := h.create(t, "A", open).str("id")
	openB := h.create(t, "B", open).str("id")
	draftA := h.create(t, "A", barista()).str("id")
	for _, who := range []string{"staff", "admin"} {
		list := h.call(t, who, "GET", "/api/v1/roles", nil)
		ids := map[string]bool{}
		for _, it := range list.items() {
			ids[it["id"].(string)] = true
		}
		if list.status != 200 || len(ids) != 2 || !ids[openA] || !ids[openB] {
			t.Errorf("%s lists %v; want the two open roles", who, ids)
		}
		if a := h.call(t, who, "GET", "/api/v1/roles/"+openB, nil); a.status != 200 {
			t.Errorf("%s reads an open role: %d", who, a.status)
		}
		if a := h.call(t, who, "GET", "/api/v1/roles/"+draftA, nil); a.status != 404 {
			t.Errorf("%s reads a draft: %d", who, a.status)
		}
		if a := h.call(t, who, "GET", "/api/v1/roles?status=draft", nil); len(a.items()) != 0 {
			t.Errorf("%s lists drafts: %v", who, a.body)
		}
		if a := h.call(t, who, "POST", "/api/v1/roles", barista()); a.status != 403 {
			t.Errorf("%s creates a role: %d", who, a.status)
		}
		if a := h.call(t, who, "PATCH", "/api/v1/roles/"+openA, map[string]any{"version": 1, "title": "x"}); a.status != 403 {
			t.Errorf("%s edits a role: %d", who, a.status)
		}
		if a := h.call(t, who, "POST", "/api/v1/roles/"+openA+"/status", map[string]any{"status": "paused"}); a.status != 403 {
			t.Errorf("%s pauses a role: %d", who, a.status)
		}
	}
}

func TestNobodyElseAndServicesAreRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	id := h.create(t, "A", barista()).str("id")
	for _, who := range []string{"nobody", "service"} {
		for _, path := range []string{"/api/v1/roles", "/api/v1/roles/" + id, "/api/v1/employers/me", "/api/v1/employers/emp-a"} {
			if a := h.call(t, who, "GET", path, nil); a.status != 403 {
				t.Errorf("%s GET %s: %d; want 403", who, path, a.status)
			}
		}
	}
	for _, who := range []string{"A", "staff", "admin"} {
		for _, path := range []string{"/internal/v1/roles", "/internal/v1/roles/" + id} {
			if a := h.call(t, who, "GET", path, nil); a.status != 403 {
				t.Errorf("%s GET %s: %d; want 403", who, path, a.status)
			}
		}
	}
	delete(h.tokens, "A")
	if a := h.call(t, "A", "GET", "/api/v1/roles", nil); a.status != 401 {
		t.Errorf("no token: %d", a.status)
	}
}

func TestInternalAPI(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := map[string]bool{}
	for range 3 {
		ids[h.create(t, "A", barista()).str("id")] = true
	}
	ids[h.create(t, "B", barista()).str("id")] = true
	var id string
	for k := range ids {
		id = k
	}
	a := h.call(t, "service", "GET", "/internal/v1/roles/"+id, nil)
	if a.status != 200 || a.str("id") != id || a.body["essential_skills"] == nil || a.str("status") != "draft" {
		t.Fatalf("internal role: %d %v", a.status, a.body)
	}
	seen := map[string]bool{}
	cursor := ""
	for page := 0; page < 5; page++ {
		p := h.call(t, "service", "GET", "/internal/v1/roles?limit=3&cursor="+cursor, nil)
		for _, it := range p.items() {
			if len(it) != 2 || it["version"].(float64) != 1 {
				t.Fatalf("item must be {id, version}: %v", it)
			}
			seen[it["id"].(string)] = true
		}
		cursor = p.str("next_cursor")
		if cursor == "" {
			break
		}
	}
	if len(seen) != 4 {
		t.Fatalf("paged through %d roles; want 4", len(seen))
	}
	if a := h.call(t, "service", "GET", "/internal/v1/roles/nope", nil); a.status != 404 {
		t.Fatalf("missing: %d", a.status)
	}
	if a := h.call(t, "service", "GET", "/internal/v1/roles?limit=0", nil); a.status != 400 {
		t.Fatalf("bad limit: %d", a.status)
	}
}

func TestRoleFilters(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	mk := func(title, sector, place string, dayRelease bool, skill string) string {
		b := barista()
		b["title"], b["sector"], b["day_release_ok"], b["status"] = title, sector, dayRelease, "open"
		b["site"] = map[string]any{"place_id": place}
		b["essential_skills"] = []any{map[string]any{"skill": skill, "min_level": 1}}
		return h.create(t, "A", b).str("id")
	}
	baristaK := mk("Barista (Kortrijk)", "I", kortrijk, true, "espresso-preparation")
	bakerG := mk("Baker", "C", gent, false, "bread-baking")
	baristaO := mk("Head BARISTA", "I", oslo, false, "espresso-preparation")
	cases := []struct {
		query string
		want  []string
	}{
		{"q=barista", []string{baristaK, baristaO}},
		{"skill=espresso-preparation", []string{baristaK, baristaO}},
		{"skill=latte-art", []string{baristaK, bakerG, baristaO}},
		{"sector=C", []string{bakerG}},
		{"day_release=true", []string{baristaK}},
		{"near=" + kortrijk + "&within_km=60", []string{baristaK, bakerG}},
		{"near=" + kortrijk + "&within_km=10", []string{baristaK}},
		{"near=" + kortrijk + "&within_km=60&q=bak", []string{bakerG}},
		{"status=open&sector=I&day_release=true", []string{baristaK}},
		{"contract=permanent", []string{baristaK, bakerG, baristaO}},
		{"contract=apprenticeship", nil},
	}
	for _, tc := range cases {
		for _, who := range []string{"A", "staff"} {
			a := h.call(t, who, "GET", "/api/v1/roles?"+tc.query, nil)
			got := map[string]bool{}
			for _, it := range a.items() {
				got[it["id"].(string)] = true
			}
			ok := a.status == 200 && len(got) == len(tc.want)
			for _, id := range tc.want {
				ok = ok && got[id]
			}
			if !ok {
				t.Errorf("%s ?%s: %d %d items; want %d", who, tc.query, a.status, len(got), len(tc.want))
			}
		}
	}
	one := h.call(t, "A", "GET", "/api/v1/roles?limit=1&near="+kortrijk+"&within_km=60", nil)
	if len(one.items()) != 1 || one.str("next_cursor") == "" {
		t.Fatalf("first near page: %v", one.body)
	}
	two := h.call(t, "A", "GET", "/api/v1/roles?limit=1&near="+kortrijk+"&within_km=60&cursor="+one.str("next_cursor"), nil)
	if len(two.items()) != 1 || two.items()[0]["id"] == one.items()[0]["id"] {
		t.Fatalf("second near page: %v", two.body)
	}
	for _, bad := range []string{"status=gone", "sector=Z", "day_release=yes", "within_km=5", "near=" + kortrijk + "&within_km=-1",
		"near=0", "contract=gig", "limit=0", "limit=101", "cursor=%21%21"} {
		if a := h.call(t, "A", "GET", "/api/v1/roles?"+bad, nil); a.status != 400 || len(a.fields()) == 0 {
			t.Errorf("?%s: %d %v; want 400 naming the field", bad, a.status, a.body)
		}
	}
}

// TestInternalRoleViews pages through every role in full on the bulk route
// and finds each exactly as the single-role route answers it, whatever its
// status; /internal/v1/roles/versions is /internal/v1/roles by its other
// name; only services may call either.
func TestInternalRoleViews(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	want := map[string]map[string]any{}
	for _, who := range []string{"A", "A", "B", "B", "B"} {
		id := h.create(t, who, barista()).str("id")
		want[id] = h.call(t, "service", "GET", "/internal/v1/roles/"+id, nil).body
	}
	got := map[string]map[string]any{}
	cursor := ""
	for range 5 {
		p := h.call(t, "service", "GET", "/internal/v1/roles/views?limit=2&cursor="+cursor, nil)
		if p.status != 200 || len(p.items()) > 2 {
			t.Fatalf("views page: %d %v", p.status, p.body)
		}
		for _, it := range p.items() {
			got[it["id"].(string)] = it
		}
		if cursor = p.str("next_cursor"); cursor == "" {
			break
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("role views differ from the single-role route:\n got %v\nwant %v", got, want)
	}
	byName := h.call(t, "service", "GET", "/internal/v1/roles/versions?limit=100", nil)
	plain := h.call(t, "service", "GET", "/internal/v1/roles?limit=100", nil)
	if byName.status != 200 || !reflect.DeepEqual(byName.body, plain.body) || len(byName.items()) != 5 {
		t.Fatalf("versions by name = %d %v; want %v", byName.status, byName.body, plain.body)
	}
	if a := h.call(t, "service", "GET", "/internal/v1/roles/views?limit=500", nil); a.status != 200 || len(a.items()) != 5 {
		t.Fatalf("limit 500: %d", a.status)
	}
	for _, q := range []string{"limit=501", "limit=0", "cursor=%25%25"} {
		if a := h.call(t, "service", "GET", "/internal/v1/roles/views?"+q, nil); a.status != 400 {
			t.Errorf("views?%s: %d; want 400", q, a.status)
		}
	}
	for _, who := range []string{"A", "staff", "admin"} {
		for _, path := range []string{"/internal/v1/roles/views", "/internal/v1/roles/versions"} {
			if a := h.call(t, who, "GET", path, nil); a.status != 403 {
				t.Errorf("%s GET %s: %d; want 403", who, path, a.status)
			}
		}
	}
}
