package staff_test

import (
	"html"
	"net/http"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// introStack is a gateway on fake employers, candidates, matching and
// placements services, with a programme administrator (Sam Claes) signed
// in, one of the programme's candidates (Jan Peeters, alias KC1, with a
// phone number and no e-mail address), an employer (Brasserie Noord, e1)
// with its fair-chance commitments and an open role (Barista, r1).
type introStack struct {
	g     *webtest.Stack
	e     *fake.Employers
	k     *fake.Candidates
	pl    *fake.Placements
	coach *webtest.Browser
	org   string
}

func newIntroStack(t *testing.T) *introStack {
	t.Helper()
	s := &introStack{e: fake.NewEmployers(t), k: fake.NewCandidates(t), pl: fake.NewPlacements(t)}
	fake.LinkDisclosures(s.pl, s.k)
	m := fake.NewVocabulary(t)
	s.g = webtest.Start(t, map[string]string{"EMPLOYERS_URL": s.e.URL, "CANDIDATES_URL": s.k.URL, "MATCHING_URL": m.URL, "PLACEMENTS_URL": s.pl.URL})
	s.coach = webtest.ProgrammeAdmin(t, s.g)
	var me struct {
		Organisation struct {
			ID string `json:"id"`
		} `json:"organisation"`
	}
	if status := s.coach.CallAPI(http.MethodGet, "/api/v1/me", &me); status != http.StatusOK || me.Organisation.ID == "" {
		t.Fatalf("GET /api/v1/me answered %d without an organisation", status)
	}
	s.org = me.Organisation.ID
	s.k.AddCandidate("c1", map[string]any{"phone": "+32 470 11 22 33", "consent": map[string]any{"matching": true}})
	s.e.Lock()
	s.e.Profiles["e1"] = map[string]any{"id": "e1", "display_name": "Brasserie Noord", "sectors": []string{"I"},
		"description": "A busy brasserie by the station.", "fair_chance": map[string]any{
			"statement": "We judge people by their work.", "commitments": []string{"skills_first", "mentor"}}}
	s.e.Unlock()
	s.e.AddRole("r1", "Barista", "open")
	s.pl.Set(func(f *fake.Placements) { f.RoleTitles["r1"] = "Barista" })
	return s
}

// ask stores a request from Brasserie Noord to meet Jan for the barista
// role and returns its id.
func (s *introStack) ask(fields map[string]any) string {
	return s.pl.AddIntroduction("r1", "e1", "c1", s.org, fields)
}

// containsText reports whether the page shows text.
func containsText(p webtest.Page, text string) bool {
	return strings.Contains(html.UnescapeString(p.Body), text)
}
