package app

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// portfolioRoutes are the pages of internal/pages/portfolio.
func portfolioRoutes(app *fiber.App, k *kit.Kit) {}
