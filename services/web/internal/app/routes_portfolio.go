package app

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
	"github.com/onward-jobs/onward/services/web/internal/pages/portfolio"
)

func init() { locales = append(locales, portfolio.Locales) }

// portfolioRoutes are the pages of internal/pages/portfolio: programme
// staff for all, the organisation's administrator for erasure and the
// audit trail.
func portfolioRoutes(app *fiber.App, k *kit.Kit) {
	p := portfolio.New(k)
	staff := func(h fiber.Handler) []fiber.Handler {
		return []fiber.Handler{k.CSRF, k.RequireSession, k.Guard(kit.ProgrammeStaff), h}
	}
	admin := func(h fiber.Handler) []fiber.Handler {
		return []fiber.Handler{k.CSRF, k.RequireSession, k.Guard(kit.ProgrammeAdmins), h}
	}
	app.Get("/candidates/:id/attest", staff(p.AttestForm)...)
	app.Post("/candidates/:id/attest", staff(p.PostAttest)...)
	app.Get("/candidates/:id/consent", staff(p.ConsentForm)...)
	app.Post("/candidates/:id/consent", staff(p.PostConsent)...)
	app.Get("/candidates/:id/export", staff(p.ExportForm)...)
	app.Post("/candidates/:id/export", staff(p.PostExport)...)
	app.Get("/candidates/:id/erase", admin(p.EraseForm)...)
	app.Post("/candidates/:id/erase", admin(p.PostErase)...)
	app.Get("/candidates/:id/audit", admin(p.AuditTrail)...)
}
