package http

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/employers/internal/service"
)

// Deps are what the API needs.
type Deps struct {
	Verifier *auth.Verifier
	Service  *service.Service
}

type handlers struct{ svc *service.Service }

// Register mounts the employers API.
func Register(app fiber.Router, d Deps) {
	h := &handlers{svc: d.Service}
	api := app.Group("/api/v1", auth.Middleware(d.Verifier))
	api.Get("/employers/me", h.getMyProfile)
	api.Put("/employers/me", h.putMyProfile)
	api.Get("/employers/:id", h.getProfile)
	api.Post("/roles", h.createRole)
	api.Post("/roles/wording-check", h.wordingCheck)
	api.Post("/roles/validate", h.validateRole)
	api.Get("/roles", h.listRoles)
	api.Get("/roles/sectors", h.listSectors)
	api.Get("/roles/:id", h.getRole)
	api.Patch("/roles/:id", h.patchRole)
	api.Post("/roles/:id/status", h.changeStatus)
	api.Post("/roles/:id/validate", h.validateRole)
	internal := app.Group("/internal/v1", auth.Middleware(d.Verifier))
	internal.Get("/roles", h.internalRoleVersions)
	// The literal paths come first, or ":id" would swallow them.
	internal.Get("/roles/versions", h.internalRoleVersions)
	internal.Get("/roles/views", h.internalRoleViews)
	internal.Get("/roles/:id", h.internalRole)
	internal.Post("/roles/:id/placements", h.recordRolePlacement)
}

// principal returns the caller the auth middleware verified.
func principal(c *fiber.Ctx) (auth.Principal, error) {
	p, ok := auth.PrincipalFrom(c)
	if !ok {
		return auth.Principal{}, errs.Unauthenticated
	}
	return p, nil
}
