package site

import (
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

// The administration pages. A platform administrator lists and searches
// the organisations and opens any of them; an organisation's own
// administrator opens theirs at /organisation. Both see the same
// organisation page: its people, active and deactivated, and its open
// invitations, which they may re-issue or revoke, and people they may
// deactivate or reactivate. The gateway rules on every call; these pages
// only choose what to offer and explain its answers.

// adminPages are the administration pages and the gateway's
// administration API they call.
type adminPages struct {
	*site
	api adminClient
}

// adminScope is the organisation a request is about and the address of
// its page, which every action returns to.
type adminScope struct {
	OrgID string
	Base  string
	// Platform is true for a platform administrator's view, which links
	// back to the list of organisations.
	Platform bool
}

type adminScopeKey struct{}

// registerAdminPages mounts the administration pages.
func (s *site) registerAdminPages(app *fiber.App) {
	p := &adminPages{site: s, api: adminClient{s.accounts}}
	app.Get("/admin/organisations", s.csrf, s.requireSession, p.platformAdminOnly, p.listOrganisations)
	p.mount(app, "/admin/organisations/:id", s.csrf, s.requireSession, p.platformAdminOnly, p.platformScope)
	p.mount(app, "/organisation", s.csrf, s.requireSession, p.orgAdminOnly, p.ownScope)
}

// mount adds the organisation page and its actions under base, behind
// chain, which ends by setting the request's adminScope.
func (p *adminPages) mount(app *fiber.App, base string, chain ...fiber.Handler) {
	with := func(h fiber.Handler) []fiber.Handler { return append(append([]fiber.Handler{}, chain...), h) }
	app.Get(base, with(p.showOrganisation)...)
	app.Post(base+"/invitations", with(p.invite)...)
	app.Post(base+"/invitations/:invitation/reissue", with(p.reissue)...)
	app.Get(base+"/invitations/:invitation/revoke", with(p.confirmRevoke)...)
	app.Post(base+"/invitations/:invitation/revoke", with(p.revoke)...)
	app.Get(base+"/members/:user/:action", with(p.confirmMemberChange)...)
	app.Post(base+"/members/:user/:action", with(p.changeMember)...)
}

// platformAdminOnly lets platform administrators through.
func (p *adminPages) platformAdminOnly(c *fiber.Ctx) error {
	if !actor(c).IsAdmin() {
		return p.errorPage(c, errs.Forbidden)
	}
	return c.Next()
}

// orgAdminOnly lets an organisation's administrators through to their own
// organisation's page; a platform administrator, who has none, is sent to
// the list of organisations.
func (p *adminPages) orgAdminOnly(c *fiber.Ctx) error {
	a := actor(c)
	switch {
	case a.IsAdmin():
		return c.Redirect("/admin/organisations", fiber.StatusSeeOther)
	case a.Role != roleOrgAdmin || a.OrgID == "":
		return p.errorPage(c, errs.Forbidden)
	}
	return c.Next()
}

func (p *adminPages) platformScope(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	c.Locals(adminScopeKey{}, adminScope{OrgID: id, Base: "/admin/organisations/" + url.PathEscape(id), Platform: true})
	return c.Next()
}

func (p *adminPages) ownScope(c *fiber.Ctx) error {
	c.Locals(adminScopeKey{}, adminScope{OrgID: actor(c).OrgID, Base: "/organisation"})
	return c.Next()
}

func scopeOf(c *fiber.Ctx) adminScope {
	sc, _ := c.Locals(adminScopeKey{}).(adminScope)
	return sc
}

// failed answers an error no form can explain: a session the gateway no
// longer accepts (the account was deactivated) goes to the sign-in page,
// anything else to the error page, which logs outages.
func (p *adminPages) failed(c *fiber.Ctx, err error) error {
	if errors.Is(err, errs.Unauthenticated) {
		p.clearSessionCookie(c)
		return c.Redirect("/login", fiber.StatusSeeOther)
	}
	return p.errorPage(c, err)
}

// adminDate writes a moment as a calendar date (2026-12-06), which
// reads the same in every language and serves as its machine form too.
func adminDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}
