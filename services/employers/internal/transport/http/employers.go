package http

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/employers/internal/service"
)

func (h *handlers) getMyProfile(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	prof, err := h.svc.MyProfile(c.UserContext(), p)
	if err != nil {
		return err
	}
	return c.JSON(toProfileResponse(prof, true))
}

func (h *handlers) putMyProfile(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var body profileBody
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	prof, err := h.svc.UpdateMyProfile(c.UserContext(), p, *body.Version, body.toDomain())
	if err != nil {
		return err
	}
	return c.JSON(toProfileResponse(prof, true))
}

func (h *handlers) getProfile(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	prof, err := h.svc.Profile(c.UserContext(), p, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(toProfileResponse(prof, service.ShowsContact(p, prof.ID)))
}
