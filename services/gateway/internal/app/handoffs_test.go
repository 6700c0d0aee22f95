package app_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// TestInvitationsAreHandedOff: an invitation, and each re-issue of it, is
// handed to the notifications service with the link the inviter sees and
// a key that differs per issue, so the service sends each issue once.
func TestInvitationsAreHandedOff(t *testing.T) {
	t.Parallel()
	g, mail := startWithReceiver(t, nil)
	cafe := signupEmployer(t, g, "boss@cafe.be")
	boss, _ := login(t, g, "boss@cafe.be", strongPassword)
	call(t, g, "PATCH", "/api/v1/me", boss, map[string]string{"language": "nl"}).expect(t, http.StatusOK)
	inv := invite(t, g, boss, cafe, "new@cafe.be").expect(t, http.StatusCreated)
	h := mail.waitFor(t, "invitation", "new@cafe.be")
	if h.ID != "invitation:"+inv.str("id")+":1" || h.Params.Link != g.Config.PublicURL+"/invitations/"+inv.str("token") ||
		h.Params.Organisation != "Café De Hoek" || h.To.Language != "nl" || h.Subject != "service:gateway" {
		t.Fatalf("handoff: %+v", h)
	}
	again := call(t, g, "POST", "/api/v1/organisations/"+cafe+"/invitations/"+inv.str("id")+"/reissue", boss, nil).expect(t, http.StatusCreated)
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		for _, h := range mail.all() {
			if h.ID == "invitation:"+inv.str("id")+":2" && h.Params.Link == g.Config.PublicURL+"/invitations/"+again.str("token") {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no handoff of the second issue: %+v", mail.all())
}

// TestSignupWithExistingAddressTellsTheOwner: the owner of an address
// someone signed up with again is told, with a link to sign in.
func TestSignupWithExistingAddressTellsTheOwner(t *testing.T) {
	t.Parallel()
	g, mail := startWithReceiver(t, nil)
	signupEmployer(t, g, "ana@hoek.be")
	if n := mail.count("signup_existing", "ana@hoek.be"); n != 0 {
		t.Fatalf("%d notices for a first sign-up", n)
	}
	signup(t, g, "Probe Ltd", "ana@hoek.be", "another-long-passphrase-77").expect(t, http.StatusAccepted)
	h := mail.waitFor(t, "signup_existing", "ana@hoek.be")
	if h.Params.Link != g.Config.PublicURL+"/login" || h.To.UserID == "" {
		t.Fatalf("handoff: %+v", h)
	}
}

// TestNotificationsRoute: /api/v1/notifications goes to the notifications
// service, and answers 503 problem+json when none is configured.
func TestNotificationsRoute(t *testing.T) {
	t.Parallel()
	g, _ := startWithReceiver(t, nil)
	signupEmployer(t, g, "reader@cafe.be")
	token, _ := login(t, g, "reader@cafe.be", strongPassword)
	r := call(t, g, "GET", "/api/v1/notifications/unread-count", token, nil).expect(t, http.StatusOK)
	if r.str("upstream") != "notifications" || r.str("path") != "/api/v1/notifications/unread-count" {
		t.Fatalf("proxied answer: %s", r.Raw)
	}
	bare := gatewaytest.Start(t, nil)
	if r := call(t, bare, "GET", "/api/v1/notifications", "", nil).expect(t, http.StatusServiceUnavailable); !r.isProblem() {
		t.Fatalf("answer: %s", r.Raw)
	}
}
