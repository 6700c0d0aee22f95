package app

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// exploreRoutes are the pages of internal/pages/explore.
func exploreRoutes(app *fiber.App, k *kit.Kit) {}
