package http

import (
	"slices"
	"testing"
)

// TestSharing walks sharing: a programme organisation's admin shares with
// an observer (names and the granting admin recorded), again with no
// change, and with nothing but an observer; nobody else grants or revokes;
// each side lists its own shares and platform admins all; revoking twice
// finds nothing the second time.
func TestSharing(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	first := h.call(t, "adminA", "PUT", "/api/v1/insights/shares/obs-1")
	if first.status != 200 || first.body["organisation_id"] != "org-a" || first.body["organisation_name"] != "Kortrijk House" ||
		first.body["observer_id"] != "obs-1" || first.body["observer_name"] != "City of Ghent" || first.body["granted_by"] != "ua" ||
		first.body["granted_at"] != now.Format("2006-01-02T15:04:05Z") {
		t.Fatalf("grant: %d %s", first.status, first.raw)
	}
	if again := h.call(t, "adminA", "PUT", "/api/v1/insights/shares/obs-1"); again.status != 200 || again.raw != first.raw {
		t.Fatalf("grant again: %d %s, first %s", again.status, again.raw, first.raw)
	}
	for _, c := range []struct {
		who, observer string
		status        int
	}{
		{"adminA", "obs-2", 200},
		{"adminB", "obs-1", 200},
		{"adminA", "org-b", 404},
		{"adminA", "emp-1", 404},
		{"adminA", "nobody", 404},
		{"staffA", "obs-2", 403},
		{"admin", "obs-2", 403},
		{"observer1", "obs-2", 403},
		{"employer", "obs-1", 403},
		{"service", "obs-1", 403},
		{"", "obs-1", 401},
	} {
		if a := h.call(t, c.who, "PUT", "/api/v1/insights/shares/"+c.observer); a.status != c.status {
			t.Errorf("%s shares with %s: %d, want %d: %s", c.who, c.observer, a.status, c.status, a.raw)
		}
	}
	for who, want := range map[string][]string{
		"adminA":    {"org-a/obs-2", "org-a/obs-1"},
		"adminB":    {"org-b/obs-1"},
		"observer1": {"org-b/obs-1", "org-a/obs-1"},
		"observer2": {"org-a/obs-2"},
		"admin":     {"org-b/obs-1", "org-a/obs-2", "org-a/obs-1"},
	} {
		a := h.call(t, who, "GET", "/api/v1/insights/shares")
		var got []string
		for _, it := range list(a.body["items"]) {
			got = append(got, it["organisation_id"].(string)+"/"+it["observer_id"].(string))
		}
		if a.status != 200 || len(got) != len(want) {
			t.Errorf("%s lists %d %v, want %v", who, a.status, got, want)
			continue
		}
		for _, w := range want { // the same second for every grant: any order
			if !slices.Contains(got, w) {
				t.Errorf("%s lists %v, want %v", who, got, want)
			}
		}
	}
	for _, who := range []string{"staffA", "employer", "candidate", "self", "service"} {
		if a := h.call(t, who, "GET", "/api/v1/insights/shares"); a.status != 403 {
			t.Errorf("%s lists shares: %d", who, a.status)
		}
	}
	for _, c := range []struct {
		who, observer string
		status        int
	}{
		{"staffA", "obs-1", 403},
		{"admin", "obs-1", 403},
		{"observer1", "obs-1", 403},
		{"adminB", "obs-2", 404},
		{"adminA", "obs-1", 204},
		{"adminA", "obs-1", 404},
	} {
		if a := h.call(t, c.who, "DELETE", "/api/v1/insights/shares/"+c.observer); a.status != c.status {
			t.Errorf("%s stops sharing with %s: %d, want %d: %s", c.who, c.observer, a.status, c.status, a.raw)
		}
	}
	if a := h.call(t, "observer1", "GET", "/api/v1/insights/shares"); len(list(a.body["items"])) != 1 {
		t.Errorf("after the revoke obs-1 lists %s", a.raw)
	}
}
