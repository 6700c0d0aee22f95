package app_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// TestOrganisationListing: the administrator pages through and searches
// organisations (case and accents ignored); nobody else may list them, and
// one organisation is shown to the administrator and its own people only.
func TestOrganisationListing(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	admin, _ := login(t, g, g.AdminEmail, gatewaytest.AdminPassword)
	cafe := signupEmployer(t, g, "ana@hoek.be")
	roastery := newProgramme(t, g, admin, "Koffiebranderij Kortrijk")
	garden := newProgramme(t, g, admin, "Groendienst Élan")
	ana, _ := login(t, g, "ana@hoek.be", strongPassword)

	all := call(t, g, "GET", "/api/v1/organisations", admin, nil).expect(t, http.StatusOK)
	if got := all.names("id"); !slices.Equal(got, []string{cafe, roastery, garden}) || all.Body["next_cursor"] != nil {
		t.Fatalf("all organisations, oldest first: %s", all.Raw)
	}
	first := call(t, g, "GET", "/api/v1/organisations?limit=2", admin, nil).expect(t, http.StatusOK)
	next := call(t, g, "GET", "/api/v1/organisations?limit=2&cursor="+first.str("next_cursor"), admin, nil).expect(t, http.StatusOK)
	if !slices.Equal(first.names("id"), []string{cafe, roastery}) || !slices.Equal(next.names("id"), []string{garden}) || next.str("next_cursor") != "" {
		t.Fatalf("pages: %s then %s", first.Raw, next.Raw)
	}
	for query, want := range map[string][]string{
		"q=CAFE":                          {cafe},
		"q=" + url.QueryEscape("Café de"): {cafe},
		"q=elan":                          {garden},
		"q=" + url.QueryEscape("ÉLAN"):    {garden},
		"q=" + url.QueryEscape("é"):       {cafe, roastery, garden},
		"q=kortrijk&kind=programme":       {roastery},
		"q=kortrijk&kind=employer":        nil,
		"kind=programme":                  {roastery, garden},
		"q=bakery":                        nil,
	} {
		r := call(t, g, "GET", "/api/v1/organisations?"+query, admin, nil).expect(t, http.StatusOK)
		if got := r.names("id"); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v (%s)", query, got, want, r.Raw)
		}
	}
	for query, field := range map[string]string{
		"kind=prison": "kind", "limit=0": "limit", "limit=101": "limit", "cursor=%25%25": "cursor",
		"q=" + strings.Repeat("x", 121): "q",
	} {
		r := call(t, g, "GET", "/api/v1/organisations?"+query, admin, nil).expect(t, http.StatusBadRequest)
		if f := r.fieldErrors(); !r.isProblem() || len(f) != 1 || f[0] != field {
			t.Errorf("%s: %s, want a problem naming %s", query, r.Raw, field)
		}
	}
	call(t, g, "GET", "/api/v1/organisations", ana, nil).expect(t, http.StatusForbidden)
	call(t, g, "GET", "/api/v1/organisations", "", nil).expect(t, http.StatusUnauthorized)

	if r := call(t, g, "GET", "/api/v1/organisations/"+garden, admin, nil).expect(t, http.StatusOK); r.str("name") != "Groendienst Élan" || r.str("kind") != "programme" {
		t.Fatalf("one organisation: %s", r.Raw)
	}
	if r := call(t, g, "GET", "/api/v1/organisations/"+cafe, ana, nil).expect(t, http.StatusOK); r.str("id") != cafe {
		t.Fatalf("own organisation: %s", r.Raw)
	}
	call(t, g, "GET", "/api/v1/organisations/"+garden, ana, nil).expect(t, http.StatusNotFound)
	call(t, g, "GET", "/api/v1/organisations/no-such-org", admin, nil).expect(t, http.StatusNotFound)
}

// TestMembersAndUsers: who sees an organisation's people, and how much of
// them.
func TestMembersAndUsers(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	admin, _ := login(t, g, g.AdminEmail, gatewaytest.AdminPassword)
	house := newProgramme(t, g, admin, "Kortrijk house")
	coachID := join(t, g, admin, house, "coach@house.be", "org_admin")
	coach, _ := login(t, g, "coach@house.be", strongPassword)
	supervisorID := join(t, g, coach, house, "supervisor@house.be", "member")
	supervisor, _ := login(t, g, "supervisor@house.be", strongPassword)
	signupEmployer(t, g, "ana@hoek.be")
	ana, _ := login(t, g, "ana@hoek.be", strongPassword)

	for who, token := range map[string]string{"the administrator": admin, "the org_admin": coach} {
		r := call(t, g, "GET", "/api/v1/organisations/"+house+"/members", token, nil).expect(t, http.StatusOK)
		items := r.items()
		if len(items) != 2 || items[0]["id"] != coachID || items[0]["email"] != "coach@house.be" || items[0]["active"] != true ||
			items[1]["id"] != supervisorID || items[1]["role"] != "member" || items[1]["created_at"] == nil {
			t.Errorf("%s lists members: %s", who, r.Raw)
		}
	}
	colleagues := call(t, g, "GET", "/api/v1/organisations/"+house+"/members", supervisor, nil).expect(t, http.StatusOK)
	if len(colleagues.items()) != 2 || strings.Contains(colleagues.Raw, "@") || strings.Contains(colleagues.Raw, "created_at") {
		t.Errorf("a member sees colleagues' contact details: %s", colleagues.Raw)
	}
	call(t, g, "GET", "/api/v1/organisations/"+house+"/members", ana, nil).expect(t, http.StatusNotFound)
	call(t, g, "GET", "/api/v1/organisations/no-such-org/members", admin, nil).expect(t, http.StatusNotFound)

	u := call(t, g, "GET", "/api/v1/users/"+coachID, supervisor, nil).expect(t, http.StatusOK)
	if u.str("name") != "Person coach" || u.str("role") != "org_admin" || u.Body["active"] != true || strings.Contains(u.Raw, "@house") {
		t.Fatalf("a colleague: %s", u.Raw)
	}
	call(t, g, "GET", "/api/v1/users/"+coachID, ana, nil).expect(t, http.StatusNotFound)
	call(t, g, "GET", "/api/v1/users/no-such-user", supervisor, nil).expect(t, http.StatusNotFound)
	call(t, g, "GET", "/api/v1/users/"+coachID, admin, nil).expect(t, http.StatusForbidden)
}

// TestInvitationManagement: the invitee's look-up, and the open
// invitations an organisation's managers list, re-issue and revoke.
func TestInvitationManagement(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	admin, _ := login(t, g, g.AdminEmail, gatewaytest.AdminPassword)
	house := newProgramme(t, g, admin, "Vorst transition house")
	inv := call(t, g, "POST", "/api/v1/organisations/"+house+"/invitations", admin, map[string]string{"email": "coach@house.be", "role": "org_admin"}).expect(t, http.StatusCreated)
	invID, oldToken := inv.str("id"), inv.str("token")

	look := call(t, g, "GET", "/api/v1/invitations/"+oldToken, "", nil).expect(t, http.StatusOK)
	if look.str("organisation.name") != "Vorst transition house" || look.str("organisation.kind") != "programme" || look.str("email") != "coach@house.be" ||
		look.str("role") != "org_admin" || !sameInstant(look.str("expires_at"), inv.str("expires_at")) || look.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("look-up: %s", look.Raw)
	}
	if r := call(t, g, "GET", "/api/v1/invitations/not-a-token", "", nil).expect(t, http.StatusNotFound); !r.isProblem() {
		t.Fatalf("unknown token: %s", r.Raw)
	}

	open := call(t, g, "GET", "/api/v1/organisations/"+house+"/invitations", admin, nil).expect(t, http.StatusOK)
	if items := open.items(); len(items) != 1 || items[0]["id"] != invID || items[0]["email"] != "coach@house.be" || items[0]["role"] != "org_admin" ||
		items[0]["expired"] != false || items[0]["created_at"] == nil || strings.Contains(open.Raw, oldToken) || strings.Contains(open.Raw, "token") {
		t.Fatalf("open invitations: %s", open.Raw)
	}

	// Re-issuing: a new token, the same id; the old token stops working.
	re := call(t, g, "POST", "/api/v1/organisations/"+house+"/invitations/"+invID+"/reissue", admin, nil).expect(t, http.StatusCreated)
	newToken := re.str("token")
	if re.str("id") != invID || newToken == "" || newToken == oldToken || re.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("re-issued: %s", re.Raw)
	}
	call(t, g, "GET", "/api/v1/invitations/"+oldToken, "", nil).expect(t, http.StatusNotFound)
	call(t, g, "POST", "/api/v1/invitations/"+oldToken+"/accept", "", map[string]string{"name": "Jo", "password": strongPassword}).expect(t, http.StatusNotFound)
	if ids := call(t, g, "GET", "/api/v1/organisations/"+house+"/invitations", admin, nil).expect(t, http.StatusOK).names("id"); !slices.Equal(ids, []string{invID}) {
		t.Fatalf("after re-issue: %v", ids)
	}
	call(t, g, "POST", "/api/v1/invitations/"+newToken+"/accept", "", map[string]string{"name": "Jo Coach", "password": strongPassword}).expect(t, http.StatusCreated)
	if items := call(t, g, "GET", "/api/v1/organisations/"+house+"/invitations", admin, nil).expect(t, http.StatusOK).items(); len(items) != 0 {
		t.Fatalf("an accepted invitation is still open: %v", items)
	}
	call(t, g, "POST", "/api/v1/organisations/"+house+"/invitations/"+invID+"/reissue", admin, nil).expect(t, http.StatusNotFound)

	// The org_admin revokes an invitation; a member may not manage them;
	// another organisation's admin sees nothing.
	coach, _ := login(t, g, "coach@house.be", strongPassword)
	join(t, g, coach, house, "member@house.be", "member")
	member, _ := login(t, g, "member@house.be", strongPassword)
	pending := call(t, g, "POST", "/api/v1/organisations/"+house+"/invitations", coach, map[string]string{"email": "late@house.be", "role": "member"}).expect(t, http.StatusCreated)
	pendingPath := "/api/v1/organisations/" + house + "/invitations/" + pending.str("id")
	call(t, g, "GET", "/api/v1/organisations/"+house+"/invitations", member, nil).expect(t, http.StatusForbidden)
	call(t, g, "DELETE", pendingPath, member, nil).expect(t, http.StatusForbidden)
	call(t, g, "POST", pendingPath+"/reissue", member, nil).expect(t, http.StatusForbidden)
	signupEmployer(t, g, "ana@hoek.be")
	ana, _ := login(t, g, "ana@hoek.be", strongPassword)
	call(t, g, "GET", "/api/v1/organisations/"+house+"/invitations", ana, nil).expect(t, http.StatusNotFound)
	call(t, g, "DELETE", pendingPath, ana, nil).expect(t, http.StatusNotFound)
	call(t, g, "POST", pendingPath+"/reissue", ana, nil).expect(t, http.StatusNotFound)

	call(t, g, "DELETE", pendingPath, coach, nil).expect(t, http.StatusNoContent)
	call(t, g, "GET", "/api/v1/invitations/"+pending.str("token"), "", nil).expect(t, http.StatusNotFound)
	call(t, g, "DELETE", pendingPath, coach, nil).expect(t, http.StatusNotFound)
	call(t, g, "POST", pendingPath+"/reissue", coach, nil).expect(t, http.StatusNotFound)
	call(t, g, "DELETE", "/api/v1/organisations/"+house+"/invitations/no-such-invitation", admin, nil).expect(t, http.StatusNotFound)

	// An address that has become a member meanwhile cannot be re-invited.
	twice := call(t, g, "POST", "/api/v1/organisations/"+house+"/invitations", coach, map[string]string{"email": "twice@house.be", "role": "member"}).expect(t, http.StatusCreated)
	second := call(t, g, "POST", "/api/v1/organisations/"+house+"/invitations", coach, map[string]string{"email": "twice@house.be", "role": "member"}).expect(t, http.StatusCreated)
	call(t, g, "POST", "/api/v1/invitations/"+second.str("token")+"/accept", "", map[string]string{"name": "Twice", "password": strongPassword}).expect(t, http.StatusCreated)
	call(t, g, "POST", "/api/v1/organisations/"+house+"/invitations/"+twice.str("id")+"/reissue", coach, nil).expect(t, http.StatusConflict)
}
