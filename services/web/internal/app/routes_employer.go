package app

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// employerRoutes are the pages of internal/pages/employer.
func employerRoutes(app *fiber.App, k *kit.Kit) {}
