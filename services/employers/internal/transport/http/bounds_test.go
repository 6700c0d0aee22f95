package http

import (
	"slices"
	"testing"
)

// TestRoleInputIsBounded: through the real employers service, a role's
// numbers have sane maxima (positions once took 9223372036854775807), its
// text refuses control and invisible formatting characters, and a nested
// unknown field is named with its parent; each a 400 problem naming the
// field.
func TestRoleInputIsBounded(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	for name, tc := range map[string]struct {
		set   func(map[string]any)
		field string
	}{
		"positions at int64's maximum": {func(b map[string]any) { b["positions"] = int64(9223372036854775807) }, "positions"},
		"positions past the maximum":   {func(b map[string]any) { b["positions"] = 101 }, "positions"},
		"a NUL in the title":           {func(b map[string]any) { b["title"] = "Barista\x00" }, "title"},
		"an ANSI escape in the title":  {func(b map[string]any) { b["title"] = "\x1b[31mBarista" }, "title"},
		"a bidi override in the title": {func(b map[string]any) { b["title"] = "Barista\u202e" }, "title"},
		"a zero-width space":           {func(b map[string]any) { b["title"] = "Bar\u200bista" }, "title"},
		"an unknown field in the site": {func(b map[string]any) { b["site"].(map[string]any)["extra"] = 1 }, "site.extra"},
	} {
		body := barista()
		tc.set(body)
		a := h.call(t, "A", "POST", "/api/v1/roles/validate", body)
		if a.status != 400 || a.ctype != "application/problem+json" || !slices.Equal(a.fields(), []string{tc.field}) {
			t.Errorf("%s: %d %v, want 400 naming %s", name, a.status, a.fields(), tc.field)
		}
	}
	body := barista()
	body["positions"] = 100
	body["title"] = "Cafe\u0301 barista"
	a := h.create(t, "A", body)
	if a.str("title") != "Café barista" {
		t.Errorf("title not stored in NFC: %q", a.str("title"))
	}
}
