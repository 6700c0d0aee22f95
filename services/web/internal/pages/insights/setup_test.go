package insights_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// reportStack is a gateway on fake insights, candidates and vocabulary
// services, with a programme organisation (Koffiebranderij Kortrijk)
// whose administrator, Sam Claes, is signed in (coach), and two of its
// programmes the candidates service and the insights service both know.
type reportStack struct {
	g     *webtest.Stack
	in    *fake.Insights
	k     *fake.Candidates
	coach *webtest.Browser
	org   string
}

func newReportStack(t *testing.T) *reportStack {
	t.Helper()
	s := &reportStack{in: fake.NewInsights(t), k: fake.NewCandidates(t)}
	m := fake.NewVocabulary(t)
	s.g = webtest.Start(t, map[string]string{"INSIGHTS_URL": s.in.URL, "CANDIDATES_URL": s.k.URL, "MATCHING_URL": m.URL})
	s.coach = webtest.ProgrammeAdmin(t, s.g)
	s.org = orgOf(t, s.coach)
	s.in.AddOrg(s.org, "Koffiebranderij Kortrijk", "programme")
	for id, name := range map[string]string{"p1": "Espresso bar", "p2": "Roastery floor"} {
		s.k.AddProgramme(id, name)
		s.in.AddProgramme(id, s.org)
	}
	return s
}

// orgOf is the id of the signed-in user's organisation.
func orgOf(t *testing.T, b *webtest.Browser) string {
	t.Helper()
	var me struct {
		Organisation struct {
			ID string `json:"id"`
		} `json:"organisation"`
	}
	if status := b.CallAPI(http.MethodGet, "/api/v1/me", &me); status != http.StatusOK || me.Organisation.ID == "" {
		t.Fatalf("GET /api/v1/me answered %d without an organisation", status)
	}
	return me.Organisation.ID
}

// addOrganisation has the platform administrator add an organisation of
// kind (observer or programme) and invite its first administrator, who
// accepts; it returns that person's browser, the organisation's id,
// which the insights fake then knows, and the person's e-mail address.
func (s *reportStack) addOrganisation(t *testing.T, name, kind string) (b *webtest.Browser, id, email string) {
	t.Helper()
	admin := webtest.SignIn(t, s.g, s.g.AdminEmail, webtest.AdminPassword)
	created := admin.Submit("/home", "/home/organisations", url.Values{"org_name": {name}, "kind": {kind}, "programme_type": {"transition_house"}})
	id, email = webtest.FormValue(t, created.Body, "org_id"), webtest.UniqueEmail(t)
	invited := admin.Submit("/home", "/home/invitations", url.Values{
		"email": {email}, "role": {"org_admin"}, "org_id": {id}, "org_label": {name},
	})
	link := webtest.InvitationPath(t, invited)
	b = webtest.NewBrowser(t, s.g)
	b.Submit(link, link, url.Values{"name": {"Inge Maes"}, "password": {webtest.StrongPassword}}).MustBeAt(t, "/home", http.StatusOK)
	s.in.AddOrg(id, name, kind)
	return b, id, email
}
