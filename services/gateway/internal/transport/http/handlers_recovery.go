package http

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/httpx"
)

type passwordResetRequest struct {
	Email string `json:"email" validate:"required,max=254"`
}

type passwordResetConfirmRequest struct {
	Token    string `json:"token" validate:"required,max=512"`
	Password string `json:"password" validate:"required,max=128"`
}

// passwordResetAcceptedResponse answers every valid reset request alike.
type passwordResetAcceptedResponse struct {
	Message string `json:"message"`
}

// resetAccepted is the one answer to a reset request, whether or not the
// address has an account, and to an administrator's reset.
var resetAccepted = passwordResetAcceptedResponse{
	Message: "If this address belongs to an account, a link to choose a new password is on its way. It works once, for 30 minutes.",
}

func (h *handlers) requestPasswordReset(c *fiber.Ctx) error {
	var req passwordResetRequest
	if err := httpx.DecodeJSON(c, &req); err != nil {
		return err
	}
	if err := h.svc.RequestPasswordReset(c.UserContext(), req.Email, c.IP()); err != nil {
		return err
	}
	return c.Status(fiber.StatusAccepted).JSON(resetAccepted)
}

func (h *handlers) confirmPasswordReset(c *fiber.Ctx) error {
	var req passwordResetConfirmRequest
	if err := httpx.DecodeJSON(c, &req); err != nil {
		return err
	}
	if err := h.svc.ConfirmPasswordReset(c.UserContext(), req.Token, req.Password); err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.SendStatus(fiber.StatusNoContent)
}

// issuePasswordReset lets an administrator have a reset link e-mailed to
// a member; the answer never carries the link.
func (h *handlers) issuePasswordReset(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	if err := h.svc.IssuePasswordReset(c.UserContext(), a, c.Params("id")); err != nil {
		return err
	}
	return c.Status(fiber.StatusAccepted).JSON(passwordResetAcceptedResponse{
		Message: "A link to choose a new password was sent to the member's address. It works once, for 30 minutes.",
	})
}
