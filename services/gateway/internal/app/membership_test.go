package app_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// TestRemoveMemberAndChangeRole: an org_admin removes a colleague and
// promotes another; a platform admin may do both in any organisation.
// A member gets 403, another organisation's admin 404 (as does an id that
// is not the organisation's member), and nobody acts on themselves (409).
// The audit lines name ids only.
func TestRemoveMemberAndChangeRole(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	admin, _ := login(t, g, g.AdminEmail, gatewaytest.AdminPassword)
	house := newProgramme(t, g, admin, "Kortrijk house")
	other := newProgramme(t, g, admin, "Vorst house")
	coachID := join(t, g, admin, house, "coach@house.be", "org_admin")
	coach, _ := login(t, g, "coach@house.be", strongPassword)
	leaverID := join(t, g, coach, house, "leaver@house.be", "member")
	_, leaverRefresh := login(t, g, "leaver@house.be", strongPassword)
	colleagueID := join(t, g, coach, house, "colleague@house.be", "member")
	colleague, _ := login(t, g, "colleague@house.be", strongPassword)
	join(t, g, admin, other, "head@vorst.be", "org_admin")
	stranger, _ := login(t, g, "head@vorst.be", strongPassword)
	outsiderID := join(t, g, admin, other, "outsider@vorst.be", "member")
	member := func(id string) string { return "/api/v1/organisations/" + house + "/members/" + id }
	promote := map[string]string{"role": "org_admin"}

	call(t, g, "DELETE", member(leaverID), colleague, nil).expect(t, http.StatusForbidden)
	call(t, g, "PUT", member(leaverID)+"/role", colleague, promote).expect(t, http.StatusForbidden)
	call(t, g, "DELETE", member(leaverID), stranger, nil).expect(t, http.StatusNotFound)
	call(t, g, "PUT", member(leaverID)+"/role", stranger, promote).expect(t, http.StatusNotFound)
	call(t, g, "DELETE", member(outsiderID), coach, nil).expect(t, http.StatusNotFound)
	call(t, g, "DELETE", member("no-such-user"), coach, nil).expect(t, http.StatusNotFound)
	call(t, g, "DELETE", member(coachID), coach, nil).expect(t, http.StatusConflict)
	call(t, g, "PUT", member(coachID)+"/role", coach, map[string]string{"role": "member"}).expect(t, http.StatusConflict)
	for _, body := range []any{map[string]string{"role": "admin"}, map[string]string{}, `{"role":"member","extra":1}`} {
		bad := call(t, g, "PUT", member(colleagueID)+"/role", coach, body).expect(t, http.StatusBadRequest)
		if !bad.isProblem() || len(bad.fieldErrors()) == 0 {
			t.Errorf("bad role %v: %s", body, bad.Raw)
		}
	}

	promoted := call(t, g, "PUT", member(colleagueID)+"/role", coach, promote).expect(t, http.StatusOK)
	if promoted.str("role") != "org_admin" || promoted.str("id") != colleagueID {
		t.Fatalf("promoted: %s", promoted.Raw)
	}
	again, _ := login(t, g, "colleague@house.be", strongPassword)
	call(t, g, "GET", "/api/v1/organisations/"+house+"/invitations", again, nil).expect(t, http.StatusOK)

	call(t, g, "DELETE", member(leaverID), coach, nil).expect(t, http.StatusNoContent)
	call(t, g, "DELETE", member(leaverID), coach, nil).expect(t, http.StatusNotFound)
	call(t, g, "POST", "/api/v1/auth/refresh", "", map[string]string{"refresh_token": leaverRefresh}).expect(t, http.StatusUnauthorized)
	call(t, g, "POST", "/api/v1/auth/login", "", map[string]string{"email": "leaver@house.be", "password": strongPassword}).expect(t, http.StatusUnauthorized)
	for _, m := range call(t, g, "GET", "/api/v1/organisations/"+house+"/members", coach, nil).expect(t, http.StatusOK).items() {
		if m["id"] == leaverID {
			t.Errorf("the removed member is still listed: %v", m)
		}
	}

	// A platform administrator may act in any organisation, here demoting
	// the organisation's own administrator.
	call(t, g, "PUT", member(coachID)+"/role", admin, map[string]string{"role": "member"}).expect(t, http.StatusOK)
	call(t, g, "DELETE", "/api/v1/organisations/"+other+"/members/"+outsiderID, admin, nil).expect(t, http.StatusNoContent)

	logs := g.Logs()
	if !strings.Contains(logs, "member removed") || !strings.Contains(logs, leaverID) {
		t.Error("no audit line names the removal")
	}
	for _, personal := range []string{"leaver@house.be", "Person leaver", "colleague@house.be", "outsider@vorst.be"} {
		if strings.Contains(logs, personal) {
			t.Errorf("the logs contain %q", personal)
		}
	}
}
