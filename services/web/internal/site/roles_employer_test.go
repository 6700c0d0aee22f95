package site_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

func TestStaffSeeTheEmployerOfARole(t *testing.T) {
	t.Parallel()
	e, m := newFakeEmployers(t), newFakeMatching(t)
	g := start(t, map[string]string{"EMPLOYERS_URL": e.URL, "MATCHING_URL": m.URL})
	e.addRole("r1", "Barista", "open")
	e.addRole("r2", "Kitchen help", "open")
	e.addRole("r3", "Gardener", "open")
	e.mu.Lock()
	e.roles["r3"]["employer_id"] = "e2"
	e.employers["e1"] = map[string]any{"id": "e1", "display_name": "Café De Hoek", "sectors": []string{"I"},
		"fair_chance": map[string]any{"statement": "Everyone deserves a second start.", "commitments": []string{"mentor", "skills_first"}},
		"contact":     map[string]any{"name": "Ana Peeters", "email": "ana@dehoek.example", "phone": "+32 9 123 45 67"}, "version": 1}
	e.employers["e2"] = map[string]any{"id": "e2", "display_name": "Groen & Co", "sectors": []string{"A"}, "version": 1}
	e.mu.Unlock()

	staff := newBrowser(t, g)
	staff.submit("/login", "/login", url.Values{"email": {g.AdminEmail}, "password": {webtest.AdminPassword}}).mustBeAt(t, "/home", http.StatusOK)

	// The browser names each role's employer, looking each one up once.
	p := staff.get("/roles")
	p.mustContain(t, `<p class="role-employer">Café De Hoek</p>`, `<p class="role-employer">Groen & Co</p>`)
	if n := e.count(http.MethodGet, "/api/v1/employers/e1"); n != 1 {
		t.Errorf("employer e1 was looked up %d times for one page, want 1", n)
	}

	// The role page shows the employer with its commitments and contact person.
	r := staff.get("/roles/r1")
	r.mustBeAt(t, "/roles/r1", http.StatusOK)
	r.mustContain(t, "<h1>Barista</h1>", "The employer", "Café De Hoek", "Accommodation and food service",
		"Everyone deserves a second start.", "A mentor or buddy", "Skills first",
		"Ana Peeters", `href="mailto:ana@dehoek.example"`, "+32 9 123 45 67")
	if got := e.last(t, http.MethodGet, "/api/v1/employers/e1").Path; got != "/api/v1/employers/e1" {
		t.Errorf("looked up %s", got)
	}
	staff.get("/roles/r3").mustContain(t, "Groen & Co", "The employer has not named a contact person yet.")

	// When the employer cannot be looked up, the role still shows, with a note.
	e.mu.Lock()
	delete(e.employers, "e2")
	e.mu.Unlock()
	r = staff.get("/roles/r3")
	r.mustBeAt(t, "/roles/r3", http.StatusOK)
	r.mustContain(t, "<h1>Gardener</h1>", "The employer's details cannot be shown right now.")
	p = staff.get("/roles")
	p.mustBeAt(t, "/roles", http.StatusOK)
	p.mustContain(t, "Gardener", "Café De Hoek")
}

func TestEmployersDoNotLookUpAnEmployerOnTheirOwnRolePage(t *testing.T) {
	t.Parallel()
	b, e, _ := employerSession(t)
	e.addRole("r1", "Barista", "open")
	p := b.get("/roles/r1")
	p.mustBeAt(t, "/roles/r1", http.StatusOK)
	if strings.Contains(p.Body, "The employer") || e.count(http.MethodGet, "/api/v1/employers/e1") != 0 {
		t.Error("an employer's own role page looked up or showed the employer card")
	}
}
