package account_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// resetStack starts a stack whose gateway hands its mails to a fake
// notifications service, and signs an employer up; it returns the stack,
// the fake and the employer's address.
func resetStack(t *testing.T, env map[string]string) (*webtest.Stack, *fake.Notifications, string) {
	t.Helper()
	n := fake.NewNotifications(t)
	vars := map[string]string{"NOTIFICATIONS_URL": n.URL}
	for k, v := range env {
		vars[k] = v
	}
	s := webtest.Start(t, vars)
	email := webtest.UniqueEmail(t)
	webtest.NewBrowser(t, s).SignUp("Café De Hoek", "Ana", email).MustBeAt(t, "/home", http.StatusOK)
	return s, n, email
}

func TestForgotPasswordFromTheSignInPage(t *testing.T) {
	t.Parallel()
	s, n, email := resetStack(t, nil)
	b := webtest.NewBrowser(t, s)
	login := b.Get("/login")
	login.MustContain(t, "Forgot your password?")
	if webtest.Href(t, login, "Forgot your password?") != "/password-reset" {
		t.Fatal("the sign-in page does not link the reset form")
	}

	// The same answer whatever the address.
	known := b.Submit("/password-reset", "/password-reset", url.Values{"email": {email}})
	known.MustBeAt(t, "/password-reset", http.StatusOK)
	known.MustContain(t, "If an account uses this address, we have sent a link")
	unknown := webtest.NewBrowser(t, s).Submit("/password-reset", "/password-reset", url.Values{"email": {webtest.UniqueEmail(t)}})
	if unknown.URL.String() != known.URL.String() || unknown.Body != known.Body {
		t.Errorf("an unknown address is answered otherwise:\n%s\n%s", known.Body, unknown.Body)
	}

	link, err := url.Parse(n.WaitHandoff(t, "password_reset", email))
	if err != nil {
		t.Fatal(err)
	}
	form := b.Get(link.Path)
	form.MustBeAt(t, link.Path, http.StatusOK)
	form.MustContain(t, "Choose a new password", "The same password again")

	// Two different passwords, then a weak one: shown at their fields.
	const fresh = "lantern-meadow-copper-93"
	b.Submit(link.Path, link.Path, url.Values{"password": {fresh}, "password_confirm": {fresh + "x"}}).
		MustMatch(t, `id="password_confirm-error"`, `aria-invalid="true"`)
	weak := b.Submit(link.Path, link.Path, url.Values{"password": {"short"}, "password_confirm": {"short"}})
	weak.MustBeAt(t, link.Path, http.StatusUnprocessableEntity)
	weak.MustMatch(t, `id="password-error"`)

	// The new password: the sign-in page says so, and it works.
	done := b.Submit(link.Path, link.Path, url.Values{"password": {fresh}, "password_confirm": {fresh}})
	done.MustBeAt(t, "/login", http.StatusOK)
	done.MustContain(t, "Your password has been changed. Sign in with your new password.")
	b.Submit("/login", "/login", url.Values{"email": {email}, "password": {fresh}}).MustBeAt(t, "/home", http.StatusOK)

	// The link works once.
	again := webtest.NewBrowser(t, s)
	used := again.Submit(link.Path, link.Path, url.Values{"password": {fresh + "-2"}, "password_confirm": {fresh + "-2"}})
	used.MustBeAt(t, link.Path, http.StatusBadRequest)
	used.MustContain(t, "This link no longer works", "Send me a new link")
	if webtest.Href(t, used, "Send me a new link") != "/password-reset" {
		t.Error("the used link does not lead to asking again")
	}
	// Without the form's token nothing is asked.
	before := n.HandoffCount("password_reset")
	again.Post("/password-reset", url.Values{"email": {email}}).MustBeAt(t, "/password-reset", http.StatusForbidden)
	if n.HandoffCount("password_reset") != before {
		t.Error("a request without a CSRF token was sent on")
	}
}

func TestForgotPasswordRefusals(t *testing.T) {
	t.Parallel()
	s, _, _ := resetStack(t, map[string]string{"PASSWORD_RESET_IP_LIMIT": "2"})
	b := webtest.NewBrowser(t, s)
	bad := b.Submit("/password-reset", "/password-reset", url.Values{"email": {"not-an-address"}})
	bad.MustBeAt(t, "/password-reset", http.StatusUnprocessableEntity)
	bad.MustMatch(t, `id="email-error"`, `value="not-an-address"`)

	var last webtest.Page
	for range 3 {
		last = b.Submit("/password-reset", "/password-reset", url.Values{"email": {webtest.UniqueEmail(t)}})
	}
	last.MustBeAt(t, "/password-reset", http.StatusTooManyRequests)
	last.MustContain(t, "please wait")
	if last.Header.Get("Retry-After") == "" {
		t.Error("the refusal does not say when to come back")
	}
}
