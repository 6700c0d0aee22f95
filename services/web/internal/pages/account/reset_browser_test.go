package account_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest/chrome"
)

// TestBrowserForgotPassword walks the password reset in a real browser at
// a phone's size: "Forgot your password?" on the sign-in page, the
// address, the answer that says the same for every address, the link from
// the mail, a new password twice, and the sign-in page saying it worked;
// then the new password signs in. The form and the link's page are also
// kept at a desktop's size.
func TestBrowserForgotPassword(t *testing.T) {
	s, n, email := resetStack(t, nil)
	ctx := testkit.Chromium(t, 2*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")

	phone := chrome.NewTab(t, ctx, s.URL, dir).Phone()
	phone.Open("/login", "reset-01-phone-login", "Forgot your password?")
	phone.Submit(`a[href="/password-reset"]`, "/password-reset", "reset-02-phone-request", "Forgot your password?", "Send me a link")
	phone.Fill(map[string]string{"email": email})
	phone.Submit(`main form button[type="submit"]`, "/password-reset", "reset-03-phone-sent",
		"Check your e-mail", "If an account uses this address, we have sent a link")
	link, err := url.Parse(n.WaitHandoff(t, "password_reset", email))
	if err != nil {
		t.Fatal(err)
	}
	phone.Open(link.Path, "reset-04-phone-choose", "Choose a new password", "The same password again")
	phone.Fill(map[string]string{"password": "short", "password_confirm": "short"})
	phone.Submit(`main form button[type="submit"]`, link.Path, "reset-05-phone-weak", "Use at least 12 characters")
	const fresh = "copper-lantern-meadow-58"
	phone.Fill(map[string]string{"password": fresh, "password_confirm": fresh})
	phone.Submit(`main form button[type="submit"]`, "/login", "reset-06-phone-changed", "Your password has been changed.")
	phone.Fill(map[string]string{"email": email, "password": fresh})
	phone.Submit(`main form button[type="submit"]`, "/home", "reset-07-phone-home", "Welcome")
	phone.Open(link.Path, "reset-08-phone-link-again", "Choose a new password")
	phone.Fill(map[string]string{"password": fresh + "x", "password_confirm": fresh + "x"})
	phone.Submit(`main form button[type="submit"]`, link.Path, "reset-09-phone-link-used", "This link no longer works", "Send me a new link")

	desktop := chrome.NewTab(t, ctx, s.URL, dir).Desktop()
	desktop.Open("/password-reset", "reset-10-desktop-request", "Send me a link")
	desktop.Open(link.Path, "reset-11-desktop-choose", "Choose a new password")
}
