package app_test

import (
	"net/http"
	"sync"
	"testing"

	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// TestReissueRacesAccept re-issues invitations while their invitees accept
// the old tokens: for each, either the old token made an account and the
// re-issue found nothing open, or the re-issue won and the old token was
// dead; never both, never a second open invitation.
func TestReissueRacesAccept(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	admin, _ := login(t, g, g.AdminEmail, gatewaytest.AdminPassword)
	house := newProgramme(t, g, admin, "House")
	for i, email := range []string{"a@house.be", "b@house.be", "c@house.be"} {
		inv := call(t, g, "POST", "/api/v1/organisations/"+house+"/invitations", admin, map[string]string{"email": email, "role": "member"}).expect(t, http.StatusCreated)
		var accepted, reissued int
		var wg sync.WaitGroup
		wg.Add(2)
		go func() {
			defer wg.Done()
			accepted = call(t, g, "POST", "/api/v1/invitations/"+inv.str("token")+"/accept", "", map[string]string{"name": "Racer", "password": strongPassword}).Status
		}()
		go func() {
			defer wg.Done()
			reissued = call(t, g, "POST", "/api/v1/organisations/"+house+"/invitations/"+inv.str("id")+"/reissue", admin, nil).Status
		}()
		wg.Wait()
		if (accepted == http.StatusCreated) == (reissued == http.StatusCreated) {
			t.Fatalf("invitation %d: accept %d, re-issue %d; want exactly one to succeed", i, accepted, reissued)
		}
		// A re-issue that lost is a 404 or, when the account exists by
		// then, a 409.
		if reissued != http.StatusCreated && reissued != http.StatusNotFound && reissued != http.StatusConflict {
			t.Fatalf("invitation %d: the losing re-issue answered %d", i, reissued)
		}
	}
	open := call(t, g, "GET", "/api/v1/organisations/"+house+"/invitations", admin, nil).expect(t, http.StatusOK).items()
	members := call(t, g, "GET", "/api/v1/organisations/"+house+"/members", admin, nil).expect(t, http.StatusOK).items()
	if len(open)+len(members) != 3 {
		t.Fatalf("%d open invitations and %d members, want 3 in all", len(open), len(members))
	}
}
