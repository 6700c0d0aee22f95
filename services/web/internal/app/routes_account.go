package app

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
	"github.com/onward-jobs/onward/services/web/internal/pages/account"
)

func init() { locales = append(locales, account.Locales) }

// accountRoutes are the pages of internal/pages/account: the landing page,
// sign-up, sign-in, sign-out, invitations and the home page.
func accountRoutes(app *fiber.App, k *kit.Kit) {
	// TODO(merge): hand the home page its panels, in this order:
	// employer.(*Pages).HomePanel (an employer's roles) and
	// admin.(*Pages).HomePanel (the organisation just added, the
	// organisations, the forms to add one and to invite its first
	// administrator); and give admin.New the home page's p.RenderHome,
	// which draws /home again when POST /home/organisations is refused.
	p := account.New(k)
	app.Get("/", k.CSRF, p.Landing)
	app.Get("/signup", k.CSRF, p.SignupForm)
	app.Post("/signup", k.CSRF, p.Signup)
	app.Get("/login", k.CSRF, p.LoginForm)
	app.Post("/login", k.CSRF, p.Login)
	app.Post("/logout", k.CSRF, p.Logout)
	app.Get("/invitations/:token", k.CSRF, p.InvitationForm)
	app.Post("/invitations/:token", k.CSRF, p.AcceptInvitation)

	app.Get("/home", k.CSRF, k.RequireSession, p.Home)
	app.Post("/home/invitations", k.CSRF, k.RequireSession, p.Invite)
}
