package me

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// homePage is /me: a greeting and what the candidate can do here, each a
// big link with one line saying what it is for.
type homePage struct {
	Name     string
	Consent  bool
	Sections []homeLink
}

// homeLink is one thing the candidate can do.
type homeLink struct{ Href, Title, Line string }

// homeSections are the candidate's pages in the order home lists them,
// by address and message id (MeNav_<id>, MeNavLine_<id>).
var homeSections = []struct{ href, id string }{
	{"/me/skills", "skills"}, {"/me/jobs", "jobs"}, {"/me/requests", "requests"}, {"/me/consent", "consent"},
	{"/me/statement", "statement"}, {"/me/credentials", "credentials"}, {"/me/data", "data"}, {"/me/audit", "audit"},
}

// Home is GET /me.
func (p *Pages) Home(c *fiber.Ctx) error {
	return p.show(c, "/me", "me_home", func(v *kit.View, k api.Candidate) any {
		d := &homePage{Name: firstName(k), Consent: k.Consent.Matching}
		for _, s := range homeSections {
			d.Sections = append(d.Sections, homeLink{Href: s.href, Title: v.T("MeNav_" + s.id), Line: v.T("MeNavLine_" + s.id)})
		}
		return d
	})
}
