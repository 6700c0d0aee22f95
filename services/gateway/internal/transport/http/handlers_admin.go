package http

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// lookupInvitation shows an invitee what they are invited to. Anyone
// holding the token may ask; an unknown, used, revoked or expired token is
// a 404.
func (h *handlers) lookupInvitation(c *fiber.Ctx) error {
	inv, org, err := h.svc.LookupInvitation(c.UserContext(), c.Params("token"))
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.JSON(toInvitationLookupResponse(inv, org))
}

func (h *handlers) listOrganisations(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	page, err := httpx.PageRequest(c, mongox.MaxPageSize)
	if err != nil {
		return err
	}
	f := domain.OrganisationFilter{Query: c.Query("q"), Kind: domain.OrgKind(c.Query("kind")), Status: domain.OrgStatus(c.Query("status"))}
	orgs, next, err := h.svc.ListOrganisations(c.UserContext(), a, f, page)
	if err != nil {
		return err
	}
	return c.JSON(httpx.ToPage(orgs, next, toOrganisationAdminResponse))
}

func (h *handlers) organisation(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	org, err := h.svc.Organisation(c.UserContext(), a, c.Params("id"))
	if err != nil {
		return err
	}
	if a.IsAdmin() {
		return c.JSON(toOrganisationAdminResponse(org))
	}
	return c.JSON(toOrganisationResponse(org))
}

func (h *handlers) members(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	roster, err := h.svc.Roster(c.UserContext(), a, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(httpx.ToPage(roster, "", toMemberDetailsResponse))
}

func (h *handlers) user(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	m, err := h.svc.Member(c.UserContext(), a, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(toMemberResponse(m))
}

func (h *handlers) openInvitations(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	invs, err := h.svc.OpenInvitations(c.UserContext(), a, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(httpx.ToPage(invs, "", toOpenInvitationResponse(h.svc.Now())))
}

func (h *handlers) reissueInvitation(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	inv, err := h.svc.ReissueInvitation(c.UserContext(), a, c.Params("id"), c.Params("invitation_id"), c.IP())
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Status(fiber.StatusCreated).JSON(toInvitationResponse(inv))
}

func (h *handlers) revokeInvitation(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	if err := h.svc.RevokeInvitation(c.UserContext(), a, c.Params("id"), c.Params("invitation_id")); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *handlers) deactivateUser(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	m, err := h.svc.DeactivateUser(c.UserContext(), a, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(toMemberDetailsResponse(m))
}

func (h *handlers) reactivateUser(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	m, err := h.svc.ReactivateUser(c.UserContext(), a, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(toMemberDetailsResponse(m))
}

func (h *handlers) removeMember(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	if err := h.svc.RemoveMember(c.UserContext(), a, c.Params("id"), c.Params("user_id")); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *handlers) changeMemberRole(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	var req changeRoleRequest
	if err := httpx.DecodeJSON(c, &req); err != nil {
		return err
	}
	m, err := h.svc.ChangeRole(c.UserContext(), a, c.Params("id"), c.Params("user_id"), domain.Role(req.Role))
	if err != nil {
		return err
	}
	return c.JSON(toMemberDetailsResponse(m))
}
