package staff_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
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

// TestStaffInvitationIsEmailedToAnAddressTheyGive: the account section
// offers an address and a language; given, the gateway hands the link to
// the notifications service for that address in that language, and the
// sheet says so; a malformed address makes no invitation and says why.
func TestStaffInvitationIsEmailedToAnAddressTheyGive(t *testing.T) {
	n := fake.NewNotifications(t)
	cs := webtest.StartCandidateStackWith(t, map[string]string{"NOTIFICATIONS_URL": n.URL})
	cs.Coach.Get("/candidates/c1").MustContain(t, "E-mail address (optional)", "Language of the e-mail", `name="email"`, `name="language"`)

	cs.Coach.Submit("/candidates/c1", "/candidates/c1/account/invitation", url.Values{"email": {"not an address"}, "language": {"nl"}}).
		MustContain(t, "Enter an e-mail address", "No account")

	sheet := cs.Coach.Submit("/candidates/c1", "/candidates/c1/account/invitation", url.Values{"email": {"jan@mail.test"}, "language": {"nl"}})
	if sheet.Status != http.StatusCreated {
		t.Fatalf("status %d, want 201", sheet.Status)
	}
	sheet.MustContain(t, "The link was also e-mailed to jan@mail.test.")
	link := regexp.MustCompile(`class="invitation-link">([^<]+)<`).FindStringSubmatch(sheet.Body)
	if link == nil {
		t.Fatal("no link on the sheet")
	}
	if got := n.WaitHandoff(t, "candidate_invitation", "jan@mail.test"); got != link[1] {
		t.Errorf("handed-off link %q, want the sheet's %q", got, link[1])
	}
	n.Set(func(f *fake.Notifications) {
		var mine []map[string]any
		for _, h := range f.Handoffs {
			if h["kind"] == "candidate_invitation" {
				mine = append(mine, h)
			}
		}
		if len(mine) != 1 || mine[0]["to"].(map[string]any)["language"] != "nl" {
			t.Errorf("candidate invitations handed off = %v, want one in nl", mine)
		}
	})
}
