package http

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// verifyRequest is what a platform administrator checked before
// verifying an employer.
type verifyRequest struct {
	RegisterCountry string `json:"register_country" validate:"required,max=2"`
	RegisterNumber  string `json:"register_number" validate:"required,max=60"`
	ContactName     string `json:"contact_name" validate:"required,max=100"`
	ContactedOn     string `json:"contacted_on" validate:"required,max=10"`
	Notes           string `json:"notes,omitempty" validate:"max=2000"`
}

type suspendRequest struct {
	Reason string `json:"reason" validate:"required,max=1000"`
}

type verificationResponse struct {
	RegisterCountry string    `json:"register_country"`
	RegisterNumber  string    `json:"register_number"`
	ContactName     string    `json:"contact_name"`
	ContactedOn     string    `json:"contacted_on"`
	Notes           string    `json:"notes,omitempty"`
	VerifiedBy      string    `json:"verified_by"`
	VerifiedAt      time.Time `json:"verified_at"`
}

type suspensionResponse struct {
	Reason      string    `json:"reason"`
	SuspendedBy string    `json:"suspended_by"`
	SuspendedAt time.Time `json:"suspended_at"`
}

// organisationStatusResponse is what the internal API tells a service.
type organisationStatusResponse struct {
	ID      string `json:"id"`
	Kind    string `json:"kind"`
	Status  string `json:"status"`
	Version int64  `json:"version"`
}

// toOrganisationAdminResponse adds the checks recorded at verification
// and the suspension, which only platform administrators see.
func toOrganisationAdminResponse(o domain.Organisation) organisationResponse {
	out := toOrganisationResponse(o)
	if v := o.Verification; v != nil {
		out.Verification = &verificationResponse{RegisterCountry: v.RegisterCountry, RegisterNumber: v.RegisterNumber, ContactName: v.ContactName,
			ContactedOn: v.ContactedOn, Notes: v.Notes, VerifiedBy: v.VerifiedBy, VerifiedAt: v.VerifiedAt.UTC()}
	}
	if s := o.Suspension; s != nil {
		out.Suspension = &suspensionResponse{Reason: s.Reason, SuspendedBy: s.SuspendedBy, SuspendedAt: s.SuspendedAt.UTC()}
	}
	return out
}

func (h *handlers) verifyOrganisation(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	var req verifyRequest
	if err := httpx.DecodeJSON(c, &req); err != nil {
		return err
	}
	org, err := h.svc.VerifyOrganisation(c.UserContext(), a, c.Params("id"), domain.Verification{
		RegisterCountry: req.RegisterCountry, RegisterNumber: req.RegisterNumber, ContactName: req.ContactName, ContactedOn: req.ContactedOn, Notes: req.Notes,
	})
	if err != nil {
		return err
	}
	return c.JSON(toOrganisationAdminResponse(org))
}

func (h *handlers) suspendOrganisation(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	var req suspendRequest
	if err := httpx.DecodeJSON(c, &req); err != nil {
		return err
	}
	org, err := h.svc.SuspendOrganisation(c.UserContext(), a, c.Params("id"), req.Reason)
	if err != nil {
		return err
	}
	return c.JSON(toOrganisationAdminResponse(org))
}

func (h *handlers) reinstateOrganisation(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	org, err := h.svc.ReinstateOrganisation(c.UserContext(), a, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(toOrganisationAdminResponse(org))
}

func (h *handlers) organisationStatus(c *fiber.Ctx) error {
	caller, err := callingService(c)
	if err != nil {
		return err
	}
	org, err := h.svc.OrganisationStatus(c.UserContext(), caller, c.Params("id"))
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.JSON(organisationStatusResponse{ID: org.ID, Kind: string(org.Kind), Status: string(org.Status), Version: org.Version})
}
