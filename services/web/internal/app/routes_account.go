package app

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// accountRoutes are the pages of internal/pages/account.
func accountRoutes(app *fiber.App, k *kit.Kit) {}
