package app_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// TestDeactivation: an org_admin switches a colleague off; every session
// of theirs ends at once, they cannot sign in and are told why, and the
// listing shows it; switched on again, they sign in. Nobody switches
// themselves off, and nobody reaches another organisation's people.
func TestDeactivation(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	admin, _ := login(t, g, g.AdminEmail, gatewaytest.AdminPassword)
	house := newProgramme(t, g, admin, "Kortrijk house")
	coachID := join(t, g, admin, house, "coach@house.be", "org_admin")
	coach, coachRefresh := login(t, g, "coach@house.be", strongPassword)
	supervisorID := join(t, g, coach, house, "supervisor@house.be", "member")
	colleagueID := join(t, g, coach, house, "colleague@house.be", "member")
	colleague, _ := login(t, g, "colleague@house.be", strongPassword)
	// The supervisor is signed in on two devices.
	supervisorAccess, phone := login(t, g, "supervisor@house.be", strongPassword)
	_, laptop := login(t, g, "supervisor@house.be", strongPassword)
	signupEmployer(t, g, "ana@hoek.be")
	ana, _ := login(t, g, "ana@hoek.be", strongPassword)
	off := "/api/v1/users/" + supervisorID + "/deactivation"

	call(t, g, "POST", off, colleague, nil).expect(t, http.StatusForbidden)
	call(t, g, "POST", off, ana, nil).expect(t, http.StatusNotFound)
	call(t, g, "POST", "/api/v1/users/no-such-user/deactivation", coach, nil).expect(t, http.StatusNotFound)
	self := call(t, g, "POST", "/api/v1/users/"+coachID+"/deactivation", coach, nil).expect(t, http.StatusConflict)
	if !self.isProblem() || !strings.Contains(self.str("detail"), "your own account") {
		t.Fatalf("self-deactivation: %s", self.Raw)
	}

	r := call(t, g, "POST", off, coach, nil).expect(t, http.StatusOK)
	if r.str("id") != supervisorID || r.Body["active"] != false || r.str("deactivated_at") == "" || r.str("email") != "supervisor@house.be" {
		t.Fatalf("deactivated: %s", r.Raw)
	}
	for _, refresh := range []string{phone, laptop} {
		call(t, g, "POST", "/api/v1/auth/refresh", "", map[string]string{"refresh_token": refresh}).expect(t, http.StatusUnauthorized)
	}
	call(t, g, "GET", "/api/v1/me", supervisorAccess, nil).expect(t, http.StatusUnauthorized)
	refused := call(t, g, "POST", "/api/v1/auth/login", "", map[string]string{"email": "supervisor@house.be", "password": strongPassword}).expect(t, http.StatusForbidden)
	if !refused.isProblem() || !strings.Contains(refused.str("detail"), "deactivated") {
		t.Fatalf("sign-in of a deactivated account: %s", refused.Raw)
	}
	// A wrong password learns nothing about the account.
	wrong := call(t, g, "POST", "/api/v1/auth/login", "", map[string]string{"email": "supervisor@house.be", "password": "not-the-password-at-all"}).expect(t, http.StatusUnauthorized)
	if strings.Contains(wrong.Raw, "deactivated") {
		t.Fatalf("a wrong password is told the account is deactivated: %s", wrong.Raw)
	}
	members := call(t, g, "GET", "/api/v1/organisations/"+house+"/members", colleague, nil).expect(t, http.StatusOK)
	for _, m := range members.items() {
		if (m["id"] == supervisorID) == (m["active"] == true) {
			t.Errorf("members listing: %v", m)
		}
	}
	call(t, g, "POST", off, coach, nil).expect(t, http.StatusOK) // again: nothing changes

	on := call(t, g, "DELETE", off, coach, nil).expect(t, http.StatusOK)
	if on.Body["active"] != true || on.Body["deactivated_at"] != nil {
		t.Fatalf("reactivated: %s", on.Raw)
	}
	login(t, g, "supervisor@house.be", strongPassword)

	// The administrator switches the org_admin off; the org_admin's access
	// token is refused at once (the account is on the revocation list), so
	// they may no longer manage anyone.
	call(t, g, "POST", "/api/v1/users/"+coachID+"/deactivation", admin, nil).expect(t, http.StatusOK)
	call(t, g, "POST", "/api/v1/auth/refresh", "", map[string]string{"refresh_token": coachRefresh}).expect(t, http.StatusUnauthorized)
	call(t, g, "POST", "/api/v1/users/"+colleagueID+"/deactivation", coach, nil).expect(t, http.StatusUnauthorized)
	call(t, g, "GET", "/api/v1/organisations/"+house+"/invitations", coach, nil).expect(t, http.StatusUnauthorized)
	adminID := call(t, g, "GET", "/api/v1/me", admin, nil).expect(t, http.StatusOK).str("user.id")
	call(t, g, "POST", "/api/v1/users/"+adminID+"/deactivation", admin, nil).expect(t, http.StatusConflict)
	call(t, g, "DELETE", "/api/v1/users/"+coachID+"/deactivation", admin, nil).expect(t, http.StatusOK)
	login(t, g, "coach@house.be", strongPassword)
}
