package http

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// toDisclosureRequest converts the placements service's request.
func toDisclosureRequest(b api.DisclosureGrantInput) domain.DisclosureRequest {
	r := domain.DisclosureRequest{
		IntroductionID: b.IntroductionID, CandidateID: b.CandidateID, EmployerOrgID: b.EmployerOrgID, RoleID: b.RoleID,
		Contact: domain.Contact(b.Contact), ConsentTextVersion: b.ConsentTextVersion, RecordedBy: b.RecordedBy,
		RecordedByCandidate: b.RecordedByCandidate != nil && *b.RecordedByCandidate,
	}
	if b.Disclose != nil {
		for _, f := range *b.Disclose {
			r.Fields = append(r.Fields, domain.DisclosureField(f))
		}
	}
	return r
}

// toDisclosureGrant is a grant as the contract shows it: field names
// (always name first), never values.
func toDisclosureGrant(d domain.Disclosure) api.DisclosureGrant {
	out := api.DisclosureGrant{
		ID: d.ID, Version: d.Version, IntroductionID: d.IntroductionID, CandidateID: d.CandidateID,
		EmployerOrgID: d.EmployerOrgID, RoleID: d.RoleID, Fields: []api.DisclosureGrantFields{api.DisclosureGrantFieldsName},
		Contact: api.ContactRoute(d.Contact), ConsentTextVersion: d.ConsentTextVersion, RecordedBy: d.RecordedBy,
		GrantedAt: d.GrantedAt, Status: api.DisclosureStatus(d.Status),
	}
	for _, f := range d.Fields {
		out.Fields = append(out.Fields, api.DisclosureGrantFields(f))
	}
	if !d.WithdrawnAt.IsZero() {
		at, by := d.WithdrawnAt, d.WithdrawnBy
		out.WithdrawnAt, out.WithdrawnBy = &at, &by
	}
	return out
}

// toDisclosure is what a grant discloses, as its reader sees it.
func toDisclosure(d service.Disclosed) api.Disclosure {
	g, i := d.Disclosure, d.Identity
	return api.Disclosure{
		ID: g.ID, IntroductionID: g.IntroductionID, RoleID: g.RoleID, Status: api.DisclosureStatus(g.Status),
		Contact: api.ContactRoute(g.Contact), GivenName: i.GivenName, FamilyName: i.FamilyName,
		PreferredName: optional(i.PreferredName), Phone: optional(i.Phone), Email: optional(i.Email), GrantedAt: g.GrantedAt,
	}
}

// optional is nil for an empty string, so an absent field is left out.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (h *handlers) grantDisclosure(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	if err := h.svc.CheckInternalCaller(p); err != nil {
		return err
	}
	var body api.DisclosureGrantInput
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	d, created, err := h.svc.GrantDisclosure(c.UserContext(), p, toDisclosureRequest(body))
	if err != nil {
		return err
	}
	status := fiber.StatusOK
	if created {
		status = fiber.StatusCreated
	}
	return c.Status(status).JSON(toDisclosureGrant(d))
}

func (h *handlers) readDisclosure(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	d, err := h.svc.ReadDisclosure(c.UserContext(), p, c.Params("id"))
	if err != nil {
		return err
	}
	// What a grant discloses is personal data: no cache may keep it after
	// a withdrawal.
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.JSON(toDisclosure(d))
}

func (h *handlers) withdrawDisclosure(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	d, err := h.svc.WithdrawDisclosure(c.UserContext(), p, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(toDisclosureGrant(d))
}

func (h *handlers) listCandidateDisclosures(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	list, err := h.svc.CandidateDisclosures(c.UserContext(), p, c.Params("id"))
	if err != nil {
		return err
	}
	out := api.DisclosureGrantList{Items: make([]api.DisclosureGrant, 0, len(list))}
	for _, d := range list {
		out.Items = append(out.Items, toDisclosureGrant(d))
	}
	return c.JSON(out)
}

func (h *handlers) setCandidatePlacement(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	if err := h.svc.CheckInternalCaller(p); err != nil {
		return err
	}
	var body api.CandidatePlacementInput
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	u := service.PlacementUpdate{PlacementID: body.PlacementID, Placed: body.Placed, StillLooking: body.StillLooking}
	if _, err := h.svc.SetPlacement(c.UserContext(), p, c.Params("id"), u); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
