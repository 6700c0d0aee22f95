package app

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// staffRoutes are the pages of internal/pages/staff.
func staffRoutes(app *fiber.App, k *kit.Kit) {}
