package site

import (
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

// landing explains Onward and leads to sign-up and sign-in.
func (s *site) landing(c *fiber.Ctx) error {
	s.peekSession(c)
	return s.render(c, fiber.StatusOK, "landing", s.newView(c, "/"))
}

func (s *site) signupForm(c *fiber.Ctx) error {
	if s.resumeSession(c) {
		return c.Redirect("/home", fiber.StatusSeeOther)
	}
	return s.render(c, fiber.StatusOK, "signup", s.newView(c, "/signup"))
}

// signup creates an employer and its first administrator, then signs the
// new administrator in.
func (s *site) signup(c *fiber.Ctx) error {
	v := s.newView(c, "/signup")
	formValues(c, v, "organisation_name", "name", "email")
	in := signupInput{
		OrganisationName: v.Val("organisation_name"), Name: v.Val("name"),
		Email: v.Val("email"), Password: c.FormValue("password"),
	}
	if _, err := s.accounts.signup(c.UserContext(), c.IP(), in); err != nil {
		return s.formFailed(c, v, "signup", err)
	}
	return s.signInAndGoHome(c, in.Email, in.Password)
}

// signInAndGoHome starts a session for an account just created. Should the
// sign-in itself fail (say, too many attempts from this address), the
// account exists and the sign-in page takes over.
func (s *site) signInAndGoHome(c *fiber.Ctx, email, password string) error {
	pair, err := s.accounts.login(c.UserContext(), c.IP(), email, password)
	if err != nil || s.startSession(c, pair) != nil {
		return c.Redirect("/login", fiber.StatusSeeOther)
	}
	return c.Redirect("/home", fiber.StatusSeeOther)
}

func (s *site) loginForm(c *fiber.Ctx) error {
	if s.resumeSession(c) {
		return c.Redirect("/home", fiber.StatusSeeOther)
	}
	v := s.newView(c, "/login")
	if c.Query("signed_out") != "" {
		v.Notice = v.T("NoticeSignedOut")
	}
	return s.render(c, fiber.StatusOK, "login", v)
}

func (s *site) login(c *fiber.Ctx) error {
	v := s.newView(c, "/login")
	formValues(c, v, "email")
	pair, err := s.accounts.login(c.UserContext(), c.IP(), v.Val("email"), c.FormValue("password"))
	if errors.Is(err, errs.Unauthenticated) {
		v.Alert = v.T("ErrBadCredentials")
		return s.render(c, fiber.StatusUnauthorized, "login", v)
	}
	if errors.Is(err, errs.Forbidden) {
		// The right password of a deactivated account.
		v.Alert = v.T("LoginDeactivated")
		return s.render(c, fiber.StatusForbidden, "login", v)
	}
	if err != nil {
		return s.formFailed(c, v, "login", err)
	}
	if err := s.startSession(c, pair); err != nil {
		return s.errorPage(c, err)
	}
	return c.Redirect("/home", fiber.StatusSeeOther)
}

// logout ends the refresh-token family and clears the cookies; it works
// even when the access token has already expired.
func (s *site) logout(c *fiber.Ctx) error {
	if err := s.endSession(c); err != nil {
		return s.errorPage(c, err)
	}
	return c.Redirect("/login?signed_out=1", fiber.StatusSeeOther)
}

// formFailed shows the form again with the error explained, or an error
// page for failures the user cannot fix.
func (s *site) formFailed(c *fiber.Ctx, v *view, page string, err error) error {
	status, ok := formProblem(c, v, err)
	if !ok {
		return s.errorPage(c, err)
	}
	return s.render(c, status, page, v)
}

// switchLanguage remembers the chosen language for a year and returns to
// the page the switcher was on.
func (s *site) switchLanguage(c *fiber.Ctx) error {
	code, ok := supported(c.Params("code"))
	if !ok {
		return c.Next()
	}
	setCookie(c, langCookie, code, 365*24*time.Hour, fiber.CookieSameSiteLaxMode)
	return c.Redirect(localPath(c.Query("next")), fiber.StatusSeeOther)
}

// localPath returns next if it is a path on this site, else "/": the
// switcher must not become an open redirect to "//evil.example" or
// "/\evil.example".
func localPath(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n\t") {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return "/"
	}
	return next
}
