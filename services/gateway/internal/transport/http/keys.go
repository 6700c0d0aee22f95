package http

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/gateway/internal/service"
)

// jwks publishes the gateway's public keys. Services cache it; a short
// max-age lets a rotation reach them well within the pre-publication delay.
func jwks(ring *service.KeyRing) fiber.Handler {
	return func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderCacheControl, "public, max-age=60")
		return c.JSON(auth.JWKS{Keys: ring.Published()})
	}
}

// rotateKeys lets an administrator start a signing-key rotation.
func rotateKeys(ring *service.KeyRing) fiber.Handler {
	return func(c *fiber.Ctx) error {
		a, err := actor(c)
		if err != nil {
			return err
		}
		if !a.IsAdmin() {
			return errs.Forbidden
		}
		kid, err := ring.Rotate(c.UserContext())
		if err != nil {
			return err
		}
		return c.Status(fiber.StatusCreated).JSON(fiber.Map{"kid": kid})
	}
}

type serviceTokenRequest struct {
	Service  string `json:"service" validate:"required"`
	Audience string `json:"audience" validate:"required"`
}

// serviceToken issues a short-lived token for a call from one service to
// another, to callers presenting the shared service secret.
func (h *handlers) serviceToken(c *fiber.Ctx) error {
	presented, _ := strings.CutPrefix(c.Get(fiber.HeaderAuthorization), "Bearer ")
	var req serviceTokenRequest
	if err := httpx.DecodeJSON(c, &req); err != nil {
		return err
	}
	token, ttl, err := h.svc.IssueServiceToken(h.serviceSecret, presented, req.Service, req.Audience)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.JSON(api.ServiceToken{AccessToken: token, ExpiresIn: int(ttl.Seconds())})
}
