package http

import (
	"net/url"
	"testing"
)

// TestWhoSeesWhichReport walks the rules of "Who sees what": platform
// admins any programme organisation and by default the platform with its
// employers; a programme organisation's admins their own only; observers
// the organisations that share with them, named; nobody else.
func TestWhoSeesWhichReport(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	if a := h.call(t, "adminA", "PUT", "/api/v1/insights/shares/obs-1"); a.status != 200 {
		t.Fatalf("share org-a with obs-1: %d %s", a.status, a.raw)
	}
	cases := []struct {
		who, query string
		status     int
		scope      string // the scope's kind, or the field a 400 names
	}{
		{"admin", "", 200, "platform"},
		{"admin", "organisation=org-b", 200, "organisation"},
		{"admin", "organisation=org-a&programme=prog-a2", 200, "programme"},
		{"admin", "organisation=nobody", 404, ""},
		{"admin", "organisation=obs-1", 404, ""},
		{"admin", "organisation=emp-1", 404, ""},
		{"admin", "programme=prog-a1", 400, "programme"},
		{"adminA", "", 200, "organisation"},
		{"adminA", "organisation=org-a", 200, "organisation"},
		{"adminA", "organisation=org-b", 404, ""},
		{"adminA", "programme=prog-a1", 200, "programme"},
		{"adminA", "programme=prog-b1", 404, ""},
		{"adminA", "programme=prog-none", 404, ""},
		{"adminA", "programme=prog-a1&group_by=setting", 400, "group_by"},
		{"adminA", "group_by=organisation", 400, "group_by"},
		{"staffA", "", 403, ""},
		{"staffA", "organisation=org-b", 403, ""},
		{"observer1", "", 400, "organisation"},
		{"observer1", "organisation=org-a", 200, "organisation"},
		{"observer1", "organisation=org-a&programme=prog-a2", 200, "programme"},
		{"observer1", "organisation=org-b", 404, ""},
		{"observer1", "organisation=nobody", 404, ""},
		{"observer2", "organisation=org-a", 404, ""},
		{"employer", "", 403, ""},
		{"employer", "organisation=org-a", 403, ""},
		{"candidate", "", 403, ""},
		{"self", "", 403, ""},
		{"self", "organisation=org-a", 403, ""},
		{"service", "", 403, ""},
		{"", "", 401, ""},
	}
	for _, c := range cases {
		a := h.call(t, c.who, "GET", "/api/v1/insights/outcomes?"+c.query)
		if a.status != c.status {
			t.Errorf("%s ?%s: %d, want %d: %s", c.who, c.query, a.status, c.status, a.raw)
			continue
		}
		switch {
		case c.status == 200:
			scope, _ := a.body["scope"].(map[string]any)
			_, employers := a.body["employers"]
			if scope["kind"] != c.scope || employers != (c.scope == "platform") {
				t.Errorf("%s ?%s: scope %v, employers %v", c.who, c.query, scope, employers)
			}
		case c.status == 400 && a.field() != c.scope:
			t.Errorf("%s ?%s: names %q, want %q", c.who, c.query, a.field(), c.scope)
		case c.status >= 400 && a.header.Get("Content-Type") != "application/problem+json":
			t.Errorf("%s ?%s: %s", c.who, c.query, a.header.Get("Content-Type"))
		}
	}
	if a := h.call(t, "adminA", "DELETE", "/api/v1/insights/shares/obs-1"); a.status != 204 {
		t.Fatalf("stop sharing: %d %s", a.status, a.raw)
	}
	if a := h.call(t, "observer1", "GET", "/api/v1/insights/outcomes?organisation=org-a"); a.status != 404 {
		t.Errorf("an observer reads a report no longer shared: %d", a.status)
	}
}

// TestBadQueries names the field of every query the report cannot
// answer, and reads months and dates alike.
func TestBadQueries(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	for query, field := range map[string]string{
		"group_by=colour":                     "group_by",
		"group_by=employer":                   "group_by",
		"group_by=all":                        "group_by",
		"format=xml":                          "format",
		"from=2025-13":                        "from",
		"from=March":                          "from",
		"to=2026-02-30":                       "to",
		"to=2026":                             "to",
		"from=2026-03&to=2026-02":             "to",
		"from=2016-03&to=2026-03":             "from",
		"from=2016-04-30&to=2026-03-01":       "", // 120 months: fine
		"organisation=" + long(201):           "organisation",
		"from=2025-01-31&to=2025-02-01":       "",
		"to=2025-06":                          "",
		"group_by=region&from=2025-06-15":     "",
		"group_by=contract&format=csv":        "",
		"group_by=programme_kind&format=json": "",
	} {
		a := h.call(t, "admin", "GET", "/api/v1/insights/outcomes?"+query)
		switch {
		case field == "" && a.status != 200:
			t.Errorf("?%s: %d %s", query, a.status, a.raw)
		case field != "" && (a.status != 400 || a.field() != field):
			t.Errorf("?%s: %d naming %q, want 400 naming %q", query, a.status, a.field(), field)
		}
	}
}

func long(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = 'x'
	}
	return string(b)
}

// TestDefaultRange reads the last twelve months by default, and a date
// as its month.
func TestDefaultRange(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	for query, want := range map[string][2]string{
		"":                                   {"2025-04", "2026-03"},
		"to=2025-12":                         {"2025-01", "2025-12"},
		"from=2025-06-30&to=2025-08-01":      {"2025-06", "2025-08"},
		"from=" + url.QueryEscape("2026-03"): {"2026-03", "2026-03"},
	} {
		a := h.call(t, "adminA", "GET", "/api/v1/insights/outcomes?"+query)
		if a.status != 200 || a.body["from"] != want[0] || a.body["to"] != want[1] {
			t.Errorf("?%s: %d from %v to %v, want %v", query, a.status, a.body["from"], a.body["to"], want)
		}
		if trends, _ := a.body["trends"].([]any); a.status == 200 && len(trends) == 0 {
			t.Errorf("?%s: no trends", query)
		}
	}
}
