package app

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
	"github.com/onward-jobs/onward/services/web/internal/pages/explore"
)

// exploreRoutes are the pages of internal/pages/explore: looking up
// skills, occupations and places, for any signed-in user.
func exploreRoutes(app *fiber.App, k *kit.Kit) {
	p := explore.New(k)
	app.Get("/explore", k.CSRF, k.RequireSession, p.Explore)
}
