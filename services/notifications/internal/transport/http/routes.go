package http

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/notifications/internal/service"
)

// Deps are what the API needs.
type Deps struct {
	Verifier *auth.Verifier
	Service  *service.Service
}

type handlers struct{ svc *service.Service }

// Register mounts the notifications API.
func Register(app fiber.Router, d Deps) {
	h := &handlers{svc: d.Service}
	api := app.Group("/api/v1/notifications", auth.Middleware(d.Verifier))
	api.Get("", h.list)
	api.Get("/unread-count", h.unreadCount)
	api.Post("/read-all", h.readAll)
	api.Get("/preferences", h.getPreferences)
	api.Put("/preferences", h.putPreferences)
	api.Put("/preferences/organisation", h.putOrgDefaults)
	api.Get("/deliveries", h.deliveries)
	api.Post("/:id/read", h.read)
	internal := app.Group("/internal/v1", auth.Middleware(d.Verifier))
	internal.Post("/messages", h.handoff)
}

// principal returns the caller the auth middleware verified.
func principal(c *fiber.Ctx) (auth.Principal, error) {
	p, ok := auth.PrincipalFrom(c)
	if !ok {
		return auth.Principal{}, errs.Unauthenticated
	}
	return p, nil
}
