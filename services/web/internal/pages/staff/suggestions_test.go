package staff_test

import (
	"net/http"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

func TestStaffCandidatePageShowsRolesThatFit(t *testing.T) {
	t.Parallel()
	coach, k, e, m := staffMatchingGateway(t)
	k.AddCandidate("c1", map[string]any{"consent": map[string]any{"matching": true}})
	e.Lock()
	e.Profiles["e1"] = map[string]any{"id": "e1", "display_name": "Café De Hoek", "version": 1}
	e.Profiles["e2"] = map[string]any{"id": "e2", "display_name": "Warehouse Noord", "version": 1}
	e.Unlock()
	var items []map[string]any
	for i := 1; i <= 7; i++ {
		employer, match := "e1", "full"
		if i%2 == 0 {
			employer, match = "e2", "near"
		}
		items = append(items, fake.SuggestionItem(i, employer, match))
	}
	m.Set(func(f *fake.Matching) { f.Suggestions["c1"] = items })

	p := coach.Get("/candidates/c1")
	p.MustBeAt(t, "/candidates/c1", http.StatusOK)
	p.MustContain(t, "Jan Peeters", "Roles that fit", "Role number 1", "Role number 5", `href="/roles/r1"`, "Café De Hoek", "Warehouse Noord",
		"Full match", "Near match", "Fits role 2.",
		"Essential skills missing:</strong> Forklift licence (level 2 asked) — trained in: Logistics workshop, Gent house",
		"Full match: the candidate holds every essential skill, perhaps below the level asked.",
		"Why this role fits", "Available from 2027-01-15", `href="/candidates/c1/suggestions"`, "See all roles that fit")
	p.MustNotContain(t, "Role number 6")
	if q := m.Last(t, "/api/v1/candidates/c1/suggestions").Query; q.Get("limit") != "5" || q.Get("lang") != "en" {
		t.Errorf("suggestions asked with %v", q)
	}
	for _, id := range []string{"e1", "e2"} {
		if n := e.Count(http.MethodGet, "/api/v1/employers/"+id); n != 1 {
			t.Errorf("employer %s looked up %d times, want once", id, n)
		}
	}

	all := coach.Get("/candidates/c1/suggestions")
	all.MustBeAt(t, "/candidates/c1/suggestions", http.StatusOK)
	all.MustContain(t, "Roles that fit", "Role number 1", "Role number 7", `href="/candidates/c1"`)
	if q := m.Last(t, "/api/v1/candidates/c1/suggestions").Query; q.Get("limit") != "20" {
		t.Errorf("full list asked with %v", q)
	}

	// Another organisation's candidate is not found, as matching answers.
	m.Set(func(f *fake.Matching) { f.Refuse["c9"] = http.StatusNotFound })
	coach.Get("/candidates/c9/suggestions").MustBeAt(t, "/candidates/c9/suggestions", http.StatusNotFound)
}

func TestStaffCandidatePageSurvivesMatchingFailures(t *testing.T) {
	t.Parallel()
	coach, k, _, m := staffMatchingGateway(t)
	k.AddCandidate("c1", map[string]any{"consent": map[string]any{"matching": true}})
	k.AddCandidate("c2", map[string]any{"given_name": "Omar", "family_name": "Haddad"})
	m.Set(func(f *fake.Matching) { f.States["c2"] = "no_consent" })

	coach.Get("/candidates/c1").MustContain(t, "Roles that fit", "No open role fits this candidate yet.")
	coach.Get("/candidates/c2").MustContain(t, "Record consent to see roles that fit", `href="/candidates/c2/consent"`)

	m.Set(func(f *fake.Matching) { f.Down = true })
	p := coach.Get("/candidates/c1")
	p.MustBeAt(t, "/candidates/c1", http.StatusOK)
	p.MustContain(t, "Jan Peeters", "Skills", "The roles that fit cannot be shown right now.")
	all := coach.Get("/candidates/c1/suggestions")
	all.MustBeAt(t, "/candidates/c1/suggestions", http.StatusServiceUnavailable)
	all.MustContain(t, "The roles that fit cannot be shown right now.")
}

func staffMatchingGateway(t *testing.T) (*webtest.Browser, *fake.Candidates, *fake.Employers, *fake.Matching) {
	t.Helper()
	k, e, m := fake.NewCandidates(t), fake.NewEmployers(t), fake.NewMatching(t)
	g := webtest.Start(t, map[string]string{"CANDIDATES_URL": k.URL, "EMPLOYERS_URL": e.URL, "MATCHING_URL": m.URL})
	return webtest.ProgrammeAdmin(t, g), k, e, m
}
