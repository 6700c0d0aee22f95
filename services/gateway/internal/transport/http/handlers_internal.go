package http

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// recipientResponse is one account as the notifications service needs
// it: where to write, in which language, and whether to write at all.
type recipientResponse struct {
	UserID         string `json:"user_id"`
	Email          string `json:"email"`
	Language       string `json:"language"`
	OrganisationID string `json:"organisation_id"`
	Role           string `json:"role"`
	Active         bool   `json:"active"`
}

// organisationRecipientResponse is one active member of an organisation.
type organisationRecipientResponse struct {
	UserID   string `json:"user_id"`
	Email    string `json:"email"`
	Language string `json:"language"`
	Role     string `json:"role"`
}

func toRecipientResponse(u domain.User) recipientResponse {
	return recipientResponse{UserID: u.ID, Email: u.Email, Language: string(u.Language), OrganisationID: u.OrgID, Role: string(u.Role), Active: u.Active()}
}

func toOrganisationRecipientResponse(u domain.User) organisationRecipientResponse {
	return organisationRecipientResponse{UserID: u.ID, Email: u.Email, Language: string(u.Language), Role: string(u.Role)}
}

// callingService is the name of the service whose token the request
// bears, or "" for a user's token.
func callingService(c *fiber.Ctx) (string, error) {
	p, ok := auth.PrincipalFrom(c)
	if !ok {
		return "", fmt.Errorf("no verified token: %w", errs.Unauthenticated)
	}
	return p.ServiceName(), nil
}

func (h *handlers) recipient(c *fiber.Ctx) error {
	caller, err := callingService(c)
	if err != nil {
		return err
	}
	u, err := h.svc.Recipient(c.UserContext(), caller, c.Params("id"))
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.JSON(toRecipientResponse(u))
}

func (h *handlers) organisationRecipients(c *fiber.Ctx) error {
	caller, err := callingService(c)
	if err != nil {
		return err
	}
	users, err := h.svc.OrganisationRecipients(c.UserContext(), caller, c.Params("id"))
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.JSON(httpx.ToPage(users, "", toOrganisationRecipientResponse))
}
