package site_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

func TestStaffBrowseOpenRolesWithFilters(t *testing.T) {
	t.Parallel()
	e, m := newFakeEmployers(t), newFakeMatching(t)
	g := start(t, map[string]string{"EMPLOYERS_URL": e.URL, "MATCHING_URL": m.URL})
	e.addRole("r1", "Barista", "open")
	e.addRole("r2", "Gardener", "open")
	e.mu.Lock()
	e.roles["r1"]["sector"], e.roles["r1"]["contract"], e.roles["r1"]["hours_per_week"], e.roles["r1"]["day_release_ok"] = "I", "permanent", 32, true
	e.roles["r1"]["essential_skills"] = []any{map[string]any{"skill": "barista-skills", "min_level": 2}}
	e.mu.Unlock()

	staff := newBrowser(t, g)
	staff.submit("/login", "/login", url.Values{"email": {g.AdminEmail}, "password": {webtest.AdminPassword}}).mustBeAt(t, "/home", http.StatusOK)
	staff.get("/home").mustContain(t, `href="/roles"`)

	p := staff.get("/roles?skill=barista-skills&near=2797656&within_km=10&sector=I&contract=permanent&day_release=true")
	p.mustBeAt(t, "/roles", http.StatusOK)
	p.mustContain(t, "Open roles", "Barista", "Gardener", "Accommodation and food service · Permanent · 32 hours a week",
		"Day release welcome", `value="barista-skills"`, `name="near_q" type="text" value="Gent"`, `<option value="10" selected>`)
	q := e.last(t, http.MethodGet, "/api/v1/roles").Query
	want := url.Values{"status": {"open"}, "limit": {"20"}, "skill": {"barista-skills"}, "near": {"2797656"}, "within_km": {"10"},
		"sector": {"I"}, "contract": {"permanent"}, "day_release": {"true"}}
	if q.Encode() != want.Encode() {
		t.Errorf("employers got %s, want %s", q.Encode(), want.Encode())
	}
	more := regexpHref(t, p.Body, "More roles")
	staff.get(more).mustBeAt(t, "/roles", http.StatusOK)
	if q := e.last(t, http.MethodGet, "/api/v1/roles").Query; q.Get("cursor") != "page-2" || q.Get("skill") != "barista-skills" || q.Get("near") != "2797656" {
		t.Errorf("the more link lost the cursor or the filters: %s", q.Encode())
	}

	// The role page names the skills and their levels.
	r := staff.get("/roles/r1")
	r.mustBeAt(t, "/roles/r1", http.StatusOK)
	r.mustContain(t, "<h1>Barista</h1>", "Barista skills", "Works independently", "Back to the roles")

	// An employer cannot browse every employer's roles.
	b, _, _ := employerSession(t)
	b.get("/roles").mustBeAt(t, "/roles", http.StatusForbidden)
}

// regexpHref returns the address of the link whose text is label.
func regexpHref(t *testing.T, body, label string) string {
	t.Helper()
	m := regexp.MustCompile(`href="([^"]+)">` + regexp.QuoteMeta(label) + `<`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no link %q:\n%s", label, body)
	}
	return html.UnescapeString(m[1])
}
