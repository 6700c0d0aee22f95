package app

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
	"github.com/onward-jobs/onward/services/web/internal/pages/employer"
)

func init() { locales = append(locales, employer.Locales) }

// employerRoutes are the pages of internal/pages/employer: the employer's
// profile, roles and shortlists. A role's page is also open to programme
// staff and administrators, read-only. /roles/new comes before /roles/:id.
func employerRoutes(app *fiber.App, k *kit.Kit) {
	p := employer.New(k)
	employers := k.Guard(kit.Employers)
	app.Get("/employer/profile", k.CSRF, k.RequireSession, employers, p.ProfileForm)
	app.Post("/employer/profile", k.CSRF, k.RequireSession, employers, p.SaveProfile)
	app.Get("/roles/new", k.CSRF, k.RequireSession, employers, p.NewRoleForm)
	app.Post("/roles/new", k.CSRF, k.RequireSession, employers, p.PostRoleForm)
	app.Get("/roles/:id", k.CSRF, k.RequireSession, k.Guard(employer.RoleReaders), p.ShowRole)
	app.Get("/roles/:id/edit", k.CSRF, k.RequireSession, employers, p.EditRoleForm)
	app.Post("/roles/:id/edit", k.CSRF, k.RequireSession, employers, p.PostRoleForm)
	app.Post("/roles/:id/status", k.CSRF, k.RequireSession, employers, p.ChangeRoleStatus)
	app.Get("/roles/:id/shortlist", k.CSRF, k.RequireSession, k.Guard(employer.ShortlistReaders), p.ShowShortlist)
}
