// Package web is the gateway's server-rendered, mobile-first web UI.
package web

import (
	"log/slog"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/services/gateway/internal/service"
)

// Deps are what the web UI needs.
type Deps struct {
	Service  *service.Service
	Verifier *auth.Verifier
	Logger   *slog.Logger
}

// Register adds the web pages to app.
func Register(app *fiber.App, d Deps) {}
