package account

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// Landing is GET /: it explains Onward and leads to sign-up and sign-in,
// or home for someone already signed in.
func (p *Pages) Landing(c *fiber.Ctx) error {
	p.kit.PeekSession(c)
	return p.tmpl.Render(c, fiber.StatusOK, "landing", p.kit.NewView(c, "/"))
}

// SignupForm is GET /signup: the employer's sign-up form.
func (p *Pages) SignupForm(c *fiber.Ctx) error {
	if p.kit.ResumeSession(c) {
		return c.Redirect("/home", fiber.StatusSeeOther)
	}
	return p.tmpl.Render(c, fiber.StatusOK, "signup", p.kit.NewView(c, "/signup"))
}

// Signup is POST /signup: it creates an employer and its first
// administrator, then signs the new administrator in. The gateway answers
// a taken address like a new one (and tells its owner), so this page never
// says an address is taken: when the sign-in that follows fails, the
// sign-in page says the sign-up was received and asks for the password,
// which is true either way.
func (p *Pages) Signup(c *fiber.Ctx) error {
	v := p.kit.NewView(c, "/signup")
	kit.FormValues(c, v, "organisation_name", "name", "email")
	in := api.SignupRequest{
		OrganisationName: v.Val("organisation_name"), Name: v.Val("name"),
		Email: v.Val("email"), Password: c.FormValue("password"),
	}
	if _, err := p.kit.API.SignUpWithResponse(kit.Ctx(c), in); err != nil {
		return p.formFailed(c, v, "signup", err)
	}
	return p.signInAndGoHome(c, in.Email, in.Password)
}

// signInAndGoHome starts a session after a sign-up. Should the sign-in
// fail (the address had an account with another password, or too many
// attempts from this address), the sign-in page takes over.
func (p *Pages) signInAndGoHome(c *fiber.Ctx, email, password string) error {
	resp, err := p.kit.API.LogInWithResponse(kit.Ctx(c), api.LoginRequest{Email: email, Password: password})
	if err != nil || p.kit.StartSession(c, *resp.JSON200) != nil {
		return c.Redirect("/login?signed_up=1", fiber.StatusSeeOther)
	}
	return c.Redirect("/home", fiber.StatusSeeOther)
}

// LoginForm is GET /login: the sign-in form, with a word of goodbye after
// signing out.
func (p *Pages) LoginForm(c *fiber.Ctx) error {
	if p.kit.ResumeSession(c) {
		return c.Redirect("/home", fiber.StatusSeeOther)
	}
	v := p.kit.NewView(c, "/login")
	switch {
	case c.Query("signed_out") != "":
		v.Notice = v.T("NoticeSignedOut")
	case c.Query("signed_up") != "":
		v.Notice = v.T("NoticeSignupReceived")
	}
	return p.tmpl.Render(c, fiber.StatusOK, "login", v)
}

// Login is POST /login: it signs the user in and sends them home.
func (p *Pages) Login(c *fiber.Ctx) error {
	v := p.kit.NewView(c, "/login")
	kit.FormValues(c, v, "email")
	resp, err := p.kit.API.LogInWithResponse(kit.Ctx(c), api.LoginRequest{Email: v.Val("email"), Password: c.FormValue("password")})
	switch {
	case errors.Is(err, errs.Unauthenticated):
		v.Alert = v.T("ErrBadCredentials")
		return p.tmpl.Render(c, fiber.StatusUnauthorized, "login", v)
	case errors.Is(err, errs.Forbidden):
		// The right password of a deactivated account.
		v.Alert = v.T("LoginDeactivated")
		return p.tmpl.Render(c, fiber.StatusForbidden, "login", v)
	case err != nil:
		return p.formFailed(c, v, "login", err)
	}
	if err := p.kit.StartSession(c, *resp.JSON200); err != nil {
		return p.kit.ErrorPage(c, err)
	}
	return c.Redirect("/home", fiber.StatusSeeOther)
}

// Logout is POST /logout: it ends the refresh-token family and clears the
// cookies; it works even when the access token has already expired.
func (p *Pages) Logout(c *fiber.Ctx) error {
	if err := p.kit.EndSession(c); err != nil {
		return p.kit.ErrorPage(c, err)
	}
	return c.Redirect("/login?signed_out=1", fiber.StatusSeeOther)
}

// formFailed shows the form page again with the error explained, or an
// error page for failures the user cannot fix.
func (p *Pages) formFailed(c *fiber.Ctx, v *kit.View, page string, err error) error {
	status, ok := kit.FormProblem(c, v, err)
	if !ok {
		return p.kit.ErrorPage(c, err)
	}
	return p.tmpl.Render(c, status, page, v)
}
