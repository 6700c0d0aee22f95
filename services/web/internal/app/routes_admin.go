package app

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
	"github.com/onward-jobs/onward/services/web/internal/pages/admin"
)

func init() { locales = append(locales, admin.Locales) }

// adminRoutes are the pages of internal/pages/admin: the platform
// administrator's list of organisations, and each organisation's page with
// its people and invitations, for a platform administrator under
// /admin/organisations/:id and for an organisation's own administrator
// under /organisation.
func adminRoutes(app *fiber.App, k *kit.Kit) {
	// TODO(merge): pass the account package's home page renderer (func(c,
	// v, status) error, drawing /home with v's form and errors), and hand
	// p.HomePanel to the account package's home page as a kit.Panel.
	// Until then a refused form is sent on to the old site's handler, which
	// asks the API again and draws its home page with the errors.
	home := func(c *fiber.Ctx, _ *kit.View, _ int) error { return c.Next() }
	p := admin.New(k, home)
	app.Post("/home/organisations", k.CSRF, k.RequireSession, k.Guard(kit.Admins), p.CreateOrganisation)
	app.Get("/admin/organisations", k.CSRF, k.RequireSession, k.Guard(kit.Admins), p.Organisations)
	organisationRoutes(app, p, "/admin/organisations/:id", k.CSRF, k.RequireSession, k.Guard(kit.Admins), p.PlatformScope)
	organisationRoutes(app, p, "/organisation", k.CSRF, k.RequireSession, p.OwnScope)
}

// organisationRoutes adds the organisation page and its actions under
// base, behind chain, which ends by choosing the organisation.
func organisationRoutes(app *fiber.App, p *admin.Pages, base string, chain ...fiber.Handler) {
	with := func(h fiber.Handler) []fiber.Handler { return append(append([]fiber.Handler{}, chain...), h) }
	app.Get(base, with(p.Organisation)...)
	app.Post(base+"/invitations", with(p.Invite)...)
	app.Post(base+"/invitations/:invitation/reissue", with(p.Reissue)...)
	app.Get(base+"/invitations/:invitation/revoke", with(p.ConfirmRevoke)...)
	app.Post(base+"/invitations/:invitation/revoke", with(p.Revoke)...)
	app.Get(base+"/members/:user/:action", with(p.ConfirmMemberChange)...)
	app.Post(base+"/members/:user/:action", with(p.ChangeMember)...)
}
