package app

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// adminRoutes are the pages of internal/pages/admin.
func adminRoutes(app *fiber.App, k *kit.Kit) {}
