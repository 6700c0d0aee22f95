package staff_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

func TestStaffBrowseOpenRolesWithFilters(t *testing.T) {
	t.Parallel()
	e, m := fake.NewEmployers(t), fake.NewVocabulary(t)
	g := webtest.Start(t, map[string]string{"EMPLOYERS_URL": e.URL, "MATCHING_URL": m.URL})
	e.AddRole("r1", "Barista", "open")
	e.AddRole("r2", "Gardener", "open")
	e.Lock()
	e.Roles["r1"]["sector"], e.Roles["r1"]["contract"], e.Roles["r1"]["hours_per_week"], e.Roles["r1"]["day_release_ok"] = "I", "permanent", 32, true
	e.Roles["r1"]["essential_skills"] = []any{map[string]any{"skill": "barista-skills", "min_level": 2}}
	e.Unlock()

	staff := webtest.NewBrowser(t, g)
	staff.Submit("/login", "/login", url.Values{"email": {g.AdminEmail}, "password": {webtest.AdminPassword}}).MustBeAt(t, "/home", http.StatusOK)
	staff.Get("/home").MustContain(t, `href="/roles"`)

	p := staff.Get("/roles?skill=barista-skills&near=2797656&within_km=10&sector=I&contract=permanent&day_release=true")
	p.MustBeAt(t, "/roles", http.StatusOK)
	p.MustContain(t, "Open roles", "Barista", "Gardener", "Accommodation and food service · Permanent · 32 hours a week",
		"Day release welcome", `value="barista-skills"`, `name="near_q" type="text" value="Gent"`, `<option value="10" selected>`)
	q := e.Last(t, http.MethodGet, "/api/v1/roles").Query
	want := url.Values{"status": {"open"}, "limit": {"20"}, "skill": {"barista-skills"}, "near": {"2797656"}, "within_km": {"10"},
		"sector": {"I"}, "contract": {"permanent"}, "day_release": {"true"}}
	if q.Encode() != want.Encode() {
		t.Errorf("employers got %s, want %s", q.Encode(), want.Encode())
	}
	more := regexpHref(t, p.Body, "More roles")
	staff.Get(more).MustBeAt(t, "/roles", http.StatusOK)
	if q := e.Last(t, http.MethodGet, "/api/v1/roles").Query; q.Get("cursor") != "page-2" || q.Get("skill") != "barista-skills" || q.Get("near") != "2797656" {
		t.Errorf("the more link lost the cursor or the filters: %s", q.Encode())
	}

	// The role page names the skills and their levels.
	r := staff.Get("/roles/r1")
	r.MustBeAt(t, "/roles/r1", http.StatusOK)
	r.MustContain(t, "<h1>Barista</h1>", "Barista skills", "Works independently", "Back to the roles")

	// An employer cannot browse every employer's roles.
	b, _, _ := webtest.EmployerSession(t)
	b.Get("/roles").MustBeAt(t, "/roles", http.StatusForbidden)
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
