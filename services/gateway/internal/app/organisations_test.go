package app_test

import (
	"net/http"
	"testing"

	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// TestOrganisationsAndInvitations covers who may create organisations and
// invite people, and the one-time invitation flow.
func TestOrganisationsAndInvitations(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	admin, _ := login(t, g, g.AdminEmail, gatewaytest.AdminPassword)
	me := call(t, g, "GET", "/api/v1/me", admin, nil).expect(t, http.StatusOK)
	if me.str("role") != "admin" || me.Body["organisation"] != nil {
		t.Fatalf("admin me: %s", me.Raw)
	}

	house := call(t, g, "POST", "/api/v1/organisations", admin, map[string]string{
		"name": "Kortrijk detention house", "kind": "programme", "programme_type": "detention_house",
	}).expect(t, http.StatusCreated)
	houseID := house.str("id")
	if house.str("kind") != "programme" || houseID == "" {
		t.Fatalf("organisation: %s", house.Raw)
	}
	bad := call(t, g, "POST", "/api/v1/organisations", admin, map[string]string{"name": "X", "kind": "prison"}).expect(t, http.StatusBadRequest)
	if f := bad.fieldErrors(); len(f) != 1 || f[0] != "kind" {
		t.Fatalf("bad kind: %s", bad.Raw)
	}

	// The admin invites the house's first org_admin, who accepts once.
	inv := call(t, g, "POST", "/api/v1/organisations/"+houseID+"/invitations", admin, map[string]string{"email": "coach@house.be", "role": "org_admin"}).expect(t, http.StatusCreated)
	token := inv.str("token")
	if token == "" || inv.str("expires_at") == "" {
		t.Fatalf("invitation: %s", inv.Raw)
	}
	weak := call(t, g, "POST", "/api/v1/invitations/"+token+"/accept", "", map[string]string{"name": "Jo", "password": "123456789012"}).expect(t, http.StatusBadRequest)
	if f := weak.fieldErrors(); len(f) != 1 || f[0] != "password" {
		t.Fatalf("weak password on accept: %s", weak.Raw)
	}
	acc := call(t, g, "POST", "/api/v1/invitations/"+token+"/accept", "", map[string]string{"name": "Jo Coach", "password": strongPassword}).expect(t, http.StatusCreated)
	if acc.str("user.role") != "org_admin" || acc.str("organisation.id") != houseID {
		t.Fatalf("accept: %s", acc.Raw)
	}
	call(t, g, "POST", "/api/v1/invitations/"+token+"/accept", "", map[string]string{"name": "Jo Again", "password": strongPassword}).expect(t, http.StatusNotFound)

	coach, _ := login(t, g, "coach@house.be", strongPassword)
	if r := call(t, g, "GET", "/api/v1/me", coach, nil).expect(t, http.StatusOK); r.str("organisation.kind") != "programme" {
		t.Fatalf("coach me: %s", r.Raw)
	}
	// The org_admin invites a member; the member may not invite.
	mInv := call(t, g, "POST", "/api/v1/organisations/"+houseID+"/invitations", coach, map[string]string{"email": "supervisor@house.be", "role": "member"}).expect(t, http.StatusCreated)
	call(t, g, "POST", "/api/v1/invitations/"+mInv.str("token")+"/accept", "", map[string]string{"name": "Sam", "password": strongPassword}).expect(t, http.StatusCreated)
	member, _ := login(t, g, "supervisor@house.be", strongPassword)
	call(t, g, "POST", "/api/v1/organisations/"+houseID+"/invitations", member, map[string]string{"email": "x@house.be", "role": "member"}).expect(t, http.StatusForbidden)

	// Another organisation's object is a 404, not a 403.
	employerID := signupEmployer(t, g, "boss@roastery.be")
	call(t, g, "POST", "/api/v1/organisations/"+employerID+"/invitations", coach, map[string]string{"email": "x@roastery.be", "role": "member"}).expect(t, http.StatusNotFound)
	call(t, g, "POST", "/api/v1/organisations/no-such-org/invitations", admin, map[string]string{"email": "x@y.be", "role": "member"}).expect(t, http.StatusNotFound)
	// Only the admin creates organisations. Inviting an account of another
	// organisation answers as for a new address; one of this organisation
	// conflicts, which its member list shows anyway.
	call(t, g, "POST", "/api/v1/organisations", coach, map[string]string{"name": "Mine", "kind": "employer"}).expect(t, http.StatusForbidden)
	call(t, g, "POST", "/api/v1/organisations/"+houseID+"/invitations", coach, map[string]string{"email": "boss@roastery.be", "role": "member"}).expect(t, http.StatusCreated)
	call(t, g, "POST", "/api/v1/organisations/"+houseID+"/invitations", coach, map[string]string{"email": "supervisor@house.be", "role": "member"}).expect(t, http.StatusConflict)
	call(t, g, "POST", "/api/v1/organisations/"+houseID+"/invitations", coach, map[string]string{"email": "y@house.be", "role": "admin"}).expect(t, http.StatusBadRequest)
	call(t, g, "POST", "/api/v1/invitations/not-a-token/accept", "", map[string]string{"name": "Z", "password": strongPassword}).expect(t, http.StatusNotFound)
}
