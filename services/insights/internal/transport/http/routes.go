// Package http will hold the insights service's public routes (the
// outcome reports and sharing). This is a placeholder so the service
// compiles and runs; the report API replaces it.
package http

import (
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// Deps are what the routes need.
type Deps struct {
	Verifier *auth.Verifier
	Counts   service.Counts
	Logger   *slog.Logger
	Clock    func() time.Time
}

// Register mounts the public routes on app; none yet.
func Register(app *fiber.App, d Deps) {}
