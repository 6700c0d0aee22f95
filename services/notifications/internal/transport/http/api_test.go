package http

import (
	"strings"
	"testing"
)

func TestInboxListReadAndCount(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seed(t, "ub", 3)
	h.seed(t, "uc", 1)
	a := h.call(t, "empMember", "GET", "/api/v1/notifications?limit=2&lang=nl", nil)
	if a.status != 200 || len(a.items()) != 2 || a.body["unread"] != float64(3) || a.body["next_cursor"] == nil {
		t.Fatalf("first page = %d %v", a.status, a.body)
	}
	first := a.items()[0]
	if !strings.Contains(first["message"].(string), "kandidaten") || first["link"] != "/candidates/c1" || first["read_at"] != nil {
		t.Errorf("item = %v", first)
	}
	b := h.call(t, "empMember", "GET", "/api/v1/notifications?limit=2&cursor="+a.body["next_cursor"].(string), nil)
	if len(b.items()) != 1 || b.body["next_cursor"] != nil {
		t.Fatalf("second page = %v", b.body)
	}
	if r := h.call(t, "empMember", "POST", "/api/v1/notifications/"+first["id"].(string)+"/read", nil); r.status != 204 {
		t.Fatalf("read = %d %v", r.status, r.body)
	}
	if c := h.call(t, "empMember", "GET", "/api/v1/notifications/unread-count", nil); c.body["unread"] != float64(2) {
		t.Fatalf("unread-count = %v", c.body)
	}
	if u := h.call(t, "empMember", "GET", "/api/v1/notifications?unread=true", nil); len(u.items()) != 2 {
		t.Fatalf("unread list = %v", u.body)
	}
	if r := h.call(t, "empMember", "POST", "/api/v1/notifications/read-all", nil); r.status != 204 {
		t.Fatalf("read-all = %d", r.status)
	}
	if c := h.call(t, "empMember", "GET", "/api/v1/notifications/unread-count", nil); c.body["unread"] != float64(0) {
		t.Fatalf("unread-count after read-all = %v", c.body)
	}
	if c := h.call(t, "otherOrg", "GET", "/api/v1/notifications/unread-count", nil); c.body["unread"] != float64(1) {
		t.Fatalf("another user's count changed: %v", c.body)
	}
}

func TestAccess(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seed(t, "uc", 1)
	theirs := h.call(t, "otherOrg", "GET", "/api/v1/notifications", nil).items()[0]["id"].(string)
	if a := h.call(t, "empMember", "POST", "/api/v1/notifications/"+theirs+"/read", nil); a.status != 404 || a.ctype != "application/problem+json" {
		t.Errorf("another user's notification = %d %s", a.status, a.ctype)
	}
	if a := h.call(t, "empMember", "POST", "/api/v1/notifications/nope/read", nil); a.status != 404 {
		t.Errorf("unknown notification = %d", a.status)
	}
	if a := h.call(t, "", "GET", "/api/v1/notifications", nil); a.status != 401 {
		t.Errorf("no token = %d", a.status)
	}
	if a := h.call(t, "gateway", "GET", "/api/v1/notifications", nil); a.status != 403 {
		t.Errorf("a service token on the public API = %d", a.status)
	}
	body := map[string]any{"id": "h1", "kind": "invitation", "to": map[string]any{"email": "a@example.org", "language": "fr", "user_id": "ub", "organisation_id": "emp-a"},
		"params": map[string]any{"link": "https://onward.test/invite/x", "organisation": "Café"}}
	for who, want := range map[string]int{"": 401, "empAdmin": 403, "admin": 403, "matching": 403, "gateway": 202} {
		if a := h.call(t, who, "POST", "/internal/v1/messages", body); a.status != want {
			t.Errorf("handoff as %q = %d %v, want %d", who, a.status, a.body, want)
		}
	}
	if a := h.call(t, "gateway", "POST", "/internal/v1/messages", body); a.status != 202 {
		t.Errorf("the same handoff again = %d", a.status)
	}
	other := map[string]any{"id": "h2", "kind": "password_reset", "to": map[string]any{"email": "b@example.org", "organisation_id": "emp-b"},
		"params": map[string]any{"link": "https://onward.test/reset/y"}}
	if a := h.call(t, "gateway", "POST", "/internal/v1/messages", other); a.status != 202 {
		t.Fatalf("second handoff = %d %v", a.status, a.body)
	}
	if a := h.call(t, "empMember", "GET", "/api/v1/notifications/deliveries", nil); a.status != 403 {
		t.Errorf("deliveries for a member = %d", a.status)
	}
	all := h.call(t, "admin", "GET", "/api/v1/notifications/deliveries", nil)
	if all.status != 200 || len(all.items()) != 2 {
		t.Fatalf("admin deliveries = %d %v", all.status, all.body)
	}
	own := h.call(t, "empAdmin", "GET", "/api/v1/notifications/deliveries?status=queued", nil)
	if len(own.items()) != 1 || own.items()[0]["user_id"] != "ub" || own.items()[0]["status"] != "queued" || own.items()[0]["channel"] != "email" {
		t.Fatalf("org_admin deliveries = %v", own.body)
	}
	for _, it := range all.items() {
		for _, leak := range []string{"address", "email", "params", "link"} {
			if _, ok := it[leak]; ok {
				t.Errorf("a delivery shows %s: %v", leak, it)
			}
		}
	}
}

func TestPreferences(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	a := h.call(t, "empMember", "GET", "/api/v1/notifications/preferences", nil)
	kinds, _ := a.body["kinds"].(map[string]any)
	if a.status != 200 || kinds["new_matches"] != "daily" || kinds["introductions"] != "immediately" || a.body["digest_hour"] != float64(8) || a.body["time_zone"] != "Europe/Brussels" {
		t.Fatalf("defaults = %d %v", a.status, a.body)
	}
	if o := h.call(t, "empMember", "PUT", "/api/v1/notifications/preferences/organisation", map[string]any{"kinds": map[string]any{"new_matches": "inbox"}}); o.status != 403 {
		t.Errorf("a member set the organisation's defaults: %d", o.status)
	}
	if o := h.call(t, "empAdmin", "PUT", "/api/v1/notifications/preferences/organisation", map[string]any{"kinds": map[string]any{"new_matches": "inbox"}, "digest_hour": 7}); o.status != 200 {
		t.Fatalf("org defaults = %d %v", o.status, o.body)
	}
	if o := h.call(t, "empAdmin", "PUT", "/api/v1/notifications/preferences/organisation", map[string]any{"organisation_id": "emp-b", "kinds": map[string]any{}}); o.status != 403 {
		t.Errorf("an org_admin set another organisation's defaults: %d", o.status)
	}
	if o := h.call(t, "admin", "PUT", "/api/v1/notifications/preferences/organisation", map[string]any{"kinds": map[string]any{}}); o.status != 400 || o.field() != "organisation_id" {
		t.Errorf("a platform admin without organisation_id = %d %v", o.status, o.body)
	}
	a = h.call(t, "empMember", "GET", "/api/v1/notifications/preferences", nil)
	if a.body["kinds"].(map[string]any)["new_matches"] != "inbox" || a.body["digest_hour"] != float64(7) {
		t.Fatalf("member after org defaults = %v", a.body)
	}
	put := map[string]any{"kinds": map[string]any{"new_matches": "immediately"}, "digest_hour": 6, "time_zone": "Europe/Oslo", "defaults": a.body["defaults"]}
	p := h.call(t, "empMember", "PUT", "/api/v1/notifications/preferences", put)
	if p.status != 200 || p.body["kinds"].(map[string]any)["new_matches"] != "immediately" || p.body["time_zone"] != "Europe/Oslo" ||
		p.body["defaults"].(map[string]any)["kinds"].(map[string]any)["new_matches"] != "inbox" {
		t.Fatalf("put = %d %v", p.status, p.body)
	}
}

func TestBadInput(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	cases := []struct {
		who, method, path string
		body              any
		field             string
	}{
		{"empMember", "PUT", "/api/v1/notifications/preferences", map[string]any{"kinds": map[string]any{"unknown": "daily"}}, "kinds.unknown"},
		{"empMember", "PUT", "/api/v1/notifications/preferences", map[string]any{"kinds": map[string]any{"new_matches": "hourly"}}, "kinds.new_matches"},
		{"empMember", "PUT", "/api/v1/notifications/preferences", map[string]any{"time_zone": "Europe/Nowhere"}, "time_zone"},
		{"empMember", "PUT", "/api/v1/notifications/preferences", map[string]any{"digest_hour": 24}, "digest_hour"},
		{"empMember", "PUT", "/api/v1/notifications/preferences", map[string]any{"digest_hour": "eight"}, "digest_hour"},
		{"empMember", "PUT", "/api/v1/notifications/preferences", map[string]any{"colour": "red"}, "colour"},
		{"empAdmin", "PUT", "/api/v1/notifications/preferences/organisation", map[string]any{"kinds": map[string]any{"unknown": "daily"}}, "kinds.unknown"},
		{"empMember", "GET", "/api/v1/notifications?cursor=***", nil, "cursor"},
		{"empMember", "GET", "/api/v1/notifications?limit=0", nil, "limit"},
		{"empMember", "GET", "/api/v1/notifications?limit=101", nil, "limit"},
		{"empMember", "GET", "/api/v1/notifications?unread=maybe", nil, "unread"},
		{"empMember", "GET", "/api/v1/notifications?lang=xx", nil, "lang"},
		{"admin", "GET", "/api/v1/notifications/deliveries?status=lost", nil, "status"},
		{"admin", "GET", "/api/v1/notifications/deliveries?limit=x", nil, "limit"},
		{"gateway", "POST", "/internal/v1/messages", map[string]any{"id": "x", "kind": "spam", "to": map[string]any{"email": "a@b.org"}, "params": map[string]any{"link": "https://x/y"}}, "kind"},
		{"gateway", "POST", "/internal/v1/messages", map[string]any{"id": "x", "kind": "invitation", "to": map[string]any{"email": "nope"}, "params": map[string]any{"link": "https://x/y"}}, "to.email"},
		{"gateway", "POST", "/internal/v1/messages", map[string]any{"id": "x", "kind": "invitation", "to": map[string]any{"email": "a@b.org", "language": "es"}, "params": map[string]any{"link": "https://x/y"}}, "to.language"},
		{"gateway", "POST", "/internal/v1/messages", map[string]any{"id": "x", "kind": "invitation", "to": map[string]any{"email": "a@b.org"}, "params": map[string]any{"link": "/relative"}}, "params.link"},
		{"gateway", "POST", "/internal/v1/messages", map[string]any{"kind": "invitation", "to": map[string]any{"email": "a@b.org"}, "params": map[string]any{"link": "https://x/y"}}, "id"},
		{"gateway", "POST", "/internal/v1/messages", map[string]any{"id": "x", "kind": "invitation", "to": map[string]any{"email": "a@b.org", "name": "Jo"}, "params": map[string]any{"link": "https://x/y"}}, "to.name"},
	}
	for _, tc := range cases {
		a := h.call(t, tc.who, tc.method, tc.path, tc.body)
		if a.status != 400 || a.ctype != "application/problem+json" || a.field() != tc.field {
			t.Errorf("%s %s %v = %d %s %v, want 400 naming %s", tc.method, tc.path, tc.body, a.status, a.ctype, a.body, tc.field)
		}
	}
}
