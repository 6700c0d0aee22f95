package launcher

import (
	"net/http"
	"testing"
)

// verifyChecks are register checks that pass for a Belgian employer.
var verifyChecks = map[string]string{
	"register_country": "BE", "register_number": "0123.456.789", "contact_name": "Ana Peeters", "contacted_on": "2026-12-01",
}

// verifyEmployer has the platform administrator verify the organisation
// of employer, a new employer's signed-in client: employers start
// pending and may not open roles or read shortlists until then.
func verifyEmployer(t testing.TB, p *platform, employer apiClient) {
	t.Helper()
	var me struct {
		Organisation struct{ ID string }
	}
	employer.do("GET", "/api/v1/me", nil, http.StatusOK, &me)
	verifyOrganisation(t, p.client(t, login(t, p)), me.Organisation.ID)
}

// verifyOrganisation has admin, the platform administrator's client,
// verify the pending employer orgID.
func verifyOrganisation(t testing.TB, admin apiClient, orgID string) {
	t.Helper()
	admin.do("POST", "/api/v1/organisations/"+orgID+"/verify", verifyChecks, http.StatusOK, nil)
}

// verifySignedUp verifies the employer whose person signed up, through
// the web app, with email and password.
func verifySignedUp(t testing.TB, p *platform, email, password string) {
	t.Helper()
	var tokens struct {
		AccessToken string `json:"access_token"`
	}
	p.client(t, "").do("POST", "/api/v1/auth/login", map[string]string{"email": email, "password": password}, http.StatusOK, &tokens)
	verifyEmployer(t, p, p.client(t, tokens.AccessToken))
}

// pendingEmployer signs a new employer up and returns its id, pending.
func (w *world) pendingEmployer() string {
	email := w.email("vetting")
	w.p.client(w.t, "").do("POST", "/api/v1/auth/signup", map[string]string{"organisation_name": "Koffiehuis Vetting", "name": "Ana Peeters", "email": email, "password": staffPassword}, http.StatusAccepted, nil)
	owner, _ := w.signIn(email)
	_, id := userID(owner)
	return id
}
