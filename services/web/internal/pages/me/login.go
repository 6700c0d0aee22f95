package me

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// A candidate signs in on a page of their own, /login/candidate, with a
// user name and a password: the staff's and employers' form asks for an
// e-mail address, which most candidates do not have, and a page with one
// plain question is easier to read. The main sign-in page links to it.

// LoginForm is GET /login/candidate.
func (p *Pages) LoginForm(c *fiber.Ctx) error {
	if p.k.ResumeSession(c) {
		return c.Redirect("/home", fiber.StatusSeeOther)
	}
	return p.tmpl.Render(c, fiber.StatusOK, "me_login", p.k.NewView(c, "/login/candidate"))
}

// Login is POST /login/candidate.
func (p *Pages) Login(c *fiber.Ctx) error {
	v := p.k.NewView(c, "/login/candidate")
	kit.FormValues(c, v, "username")
	resp, err := p.k.API.CandidateLogInWithResponse(kit.Ctx(c), api.CandidateLoginRequest{Username: v.Val("username"), Password: c.FormValue("password")})
	switch {
	case errors.Is(err, errs.Unauthenticated), errors.Is(err, errs.Forbidden):
		v.Alert = v.T("MeLoginWrong")
		return p.tmpl.Render(c, fiber.StatusUnauthorized, "me_login", v)
	case err != nil:
		status, ok := kit.FormProblem(c, v, err)
		if !ok {
			return p.k.ErrorPage(c, err)
		}
		if status == fiber.StatusUnprocessableEntity {
			v.Errors, v.Alert = map[string]string{}, v.T("MeLoginWrong")
			status = fiber.StatusUnauthorized
		}
		return p.tmpl.Render(c, status, "me_login", v)
	}
	if err := p.k.StartSession(c, *resp.JSON200); err != nil {
		return p.k.ErrorPage(c, err)
	}
	return c.Redirect(kit.CandidateHome, fiber.StatusSeeOther)
}

// signIn starts the candidate's session after joining; should it fail,
// the sign-in page takes over.
func (p *Pages) signIn(c *fiber.Ctx, username, password, next string) error {
	resp, err := p.k.API.CandidateLogInWithResponse(kit.Ctx(c), api.CandidateLoginRequest{Username: username, Password: password})
	if err != nil || p.k.StartSession(c, *resp.JSON200) != nil {
		return c.Redirect("/login/candidate", fiber.StatusSeeOther)
	}
	return c.Redirect(next, fiber.StatusSeeOther)
}
