package http

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/httpx"
)

// recordRolePlacement counts a hire on a role, for the placements service.
func (h *handlers) recordRolePlacement(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	if err := h.svc.CheckInternalCaller(p); err != nil {
		return err
	}
	var body api.RolePlacementInput
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	r, err := h.svc.RecordPlacement(c.UserContext(), p, c.Params("id"), body.PlacementID)
	if err != nil {
		return err
	}
	return c.JSON(h.roleResponse(r))
}
