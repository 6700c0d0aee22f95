package http

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/gateway/internal/service"
)

// The candidate's own account (docs/candidate-accounts.md): staff invite
// and close it; the candidate accepts the invitation and signs in with a
// user name.

func (h *handlers) candidateLogin(c *fiber.Ctx) error {
	var req candidateLoginRequest
	if err := httpx.DecodeJSON(c, &req); err != nil {
		return err
	}
	pair, err := h.svc.CandidateLogin(c.UserContext(), req.Username, req.Password, c.IP())
	if err != nil {
		return err
	}
	return tokens(c, pair)
}

func (h *handlers) inviteCandidate(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	// The body is optional: without one, nothing is e-mailed.
	var req candidateInvitationRequest
	if len(c.Body()) > 0 {
		if err := httpx.DecodeJSON(c, &req); err != nil {
			return err
		}
	}
	inv, err := h.svc.InviteCandidate(c.UserContext(), a, c.Params("id"), c.IP(),
		service.CandidateInvitationMail{Email: req.Email, Language: req.Language})
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Status(fiber.StatusCreated).JSON(toCandidateInvitationResponse(inv))
}

func (h *handlers) candidateAccount(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	st, err := h.svc.CandidateAccountOf(c.UserContext(), a, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(toCandidateAccountResponse(st))
}

func (h *handlers) closeCandidateAccount(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	if err := h.svc.CloseCandidateAccount(c.UserContext(), a, c.Params("id")); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *handlers) lookupCandidateInvitation(c *fiber.Ctx) error {
	details, err := h.svc.LookupCandidateInvitation(c.UserContext(), c.Params("token"), c.IP())
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.JSON(toCandidateInvitationLookupResponse(details))
}

func (h *handlers) acceptCandidateInvitation(c *fiber.Ctx) error {
	var req acceptCandidateInvitationRequest
	if err := httpx.DecodeJSON(c, &req); err != nil {
		return err
	}
	acct, err := h.svc.AcceptCandidateInvitation(c.UserContext(), c.Params("token"), req.Username, req.Password, req.Language, c.IP())
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(candidateAccountCreatedResponse{Username: acct.Username, CandidateID: acct.CandidateID})
}
