package staff_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// TestStaffInviteACandidateToTheirOwnAccountAndCloseIt: the candidate
// page shows no account; the invitation page shows the link once, with
// its QR code and a print button, and is kept by no cache; the candidate
// page then says invited; once the candidate joined it names the user
// name; closing it asks first, then the account is gone.
func TestStaffInviteACandidateToTheirOwnAccountAndCloseIt(t *testing.T) {
	cs := webtest.StartCandidateStack(t)
	cs.Coach.Get("/candidates/c1").MustContain(t, "Their own account", "No account", "Invite to their own account")

	sheet := cs.Coach.Submit("/candidates/c1", "/candidates/c1/account/invitation", url.Values{})
	if sheet.Status != http.StatusCreated {
		t.Fatalf("status %d, want 201", sheet.Status)
	}
	sheet.MustContain(t, "Jan Peeters, make your own Onward account", "This link is shown only now", "Print")
	sheet.MustMatch(t, `<svg class="qr-code" role="img" aria-label="QR code of the invitation link"`, `class="invitation-link">http[^<]+/join/[A-Za-z0-9_-]{20,}<`)
	if cc := sheet.Header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
		t.Errorf("Cache-Control %q, want no-store", cc)
	}
	cs.Coach.Get("/candidates/c1").MustContain(t, "Invited, no account yet", "An invitation is open until", "Make a new invitation")

	cs.CandidateSession(t, "jan.k")
	cs.Coach.Get("/candidates/c1").MustContain(t, "Has an account", "User name: jan.k", "Invitation to choose a new password", "Close account")
	cs.Coach.Get("/candidates/c1/account/close").MustContain(t, "The candidate can no longer sign in")
	cs.Coach.Submit("/candidates/c1/account/close", "/candidates/c1/account/close", url.Values{}).
		MustContain(t, "The candidate's own account is closed.", "No account")
	webtest.NewBrowser(t, cs.Stack).Submit("/login/candidate", "/login/candidate", url.Values{"username": {"jan.k"}, "password": {webtest.CandidatePassword}}).
		MustContain(t, "The user name or the password is not right.")
}
