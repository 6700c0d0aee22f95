package employer_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

func TestStaffSeeTheEmployerOfARole(t *testing.T) {
	t.Parallel()
	e, m := fake.NewEmployers(t), fake.NewVocabulary(t)
	g := webtest.Start(t, map[string]string{"EMPLOYERS_URL": e.URL, "MATCHING_URL": m.URL})
	e.AddRole("r1", "Barista", "open")
	e.AddRole("r2", "Kitchen help", "open")
	e.AddRole("r3", "Gardener", "open")
	e.Lock()
	e.Roles["r3"]["employer_id"] = "e2"
	e.Profiles["e1"] = map[string]any{"id": "e1", "display_name": "Café De Hoek", "sectors": []string{"I"},
		"fair_chance": map[string]any{"statement": "Everyone deserves a second start.", "commitments": []string{"mentor", "skills_first"}},
		"contact":     map[string]any{"name": "Ana Peeters", "email": "ana@dehoek.example", "phone": "+32 9 123 45 67"}, "version": 1}
	e.Profiles["e2"] = map[string]any{"id": "e2", "display_name": "Groen & Co", "sectors": []string{"A"}, "version": 1}
	e.Unlock()

	staff := webtest.NewBrowser(t, g)
	staff.Submit("/login", "/login", url.Values{"email": {g.AdminEmail}, "password": {webtest.AdminPassword}}).MustBeAt(t, "/home", http.StatusOK)

	// The browser names each role's employer, looking each one up once.
	p := staff.Get("/roles")
	p.MustContain(t, `<p class="role-employer">Café De Hoek</p>`, `<p class="role-employer">Groen & Co</p>`)
	if n := e.Count(http.MethodGet, "/api/v1/employers/e1"); n != 1 {
		t.Errorf("employer e1 was looked up %d times for one page, want 1", n)
	}

	// The role page shows the employer with its commitments and contact person.
	r := staff.Get("/roles/r1")
	r.MustBeAt(t, "/roles/r1", http.StatusOK)
	r.MustContain(t, "<h1>Barista</h1>", "The employer", "Café De Hoek", "Accommodation and food service",
		"Everyone deserves a second start.", "A mentor or buddy", "Skills first",
		"Ana Peeters", `href="mailto:ana@dehoek.example"`, "+32 9 123 45 67")
	if got := e.Last(t, http.MethodGet, "/api/v1/employers/e1").Path; got != "/api/v1/employers/e1" {
		t.Errorf("looked up %s", got)
	}
	staff.Get("/roles/r3").MustContain(t, "Groen & Co", "The employer has not named a contact person yet.")

	// When the employer cannot be looked up, the role still shows, with a note.
	e.Lock()
	delete(e.Profiles, "e2")
	e.Unlock()
	r = staff.Get("/roles/r3")
	r.MustBeAt(t, "/roles/r3", http.StatusOK)
	r.MustContain(t, "<h1>Gardener</h1>", "The employer's details cannot be shown right now.")
	p = staff.Get("/roles")
	p.MustBeAt(t, "/roles", http.StatusOK)
	p.MustContain(t, "Gardener", "Café De Hoek")
}

func TestEmployersDoNotLookUpAnEmployerOnTheirOwnRolePage(t *testing.T) {
	t.Parallel()
	b, e, _ := webtest.EmployerSession(t)
	e.AddRole("r1", "Barista", "open")
	p := b.Get("/roles/r1")
	p.MustBeAt(t, "/roles/r1", http.StatusOK)
	if strings.Contains(p.Body, "The employer") || e.Count(http.MethodGet, "/api/v1/employers/e1") != 0 {
		t.Error("an employer's own role page looked up or showed the employer card")
	}
}
