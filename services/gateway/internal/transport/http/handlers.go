package http

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
	"github.com/onward-jobs/onward/services/gateway/internal/service"
)

// handlers binds the API to the use cases.
type handlers struct {
	svc           *service.Service
	serviceSecret string
}

func (h *handlers) signup(c *fiber.Ctx) error {
	var req signupRequest
	if err := httpx.DecodeJSON(c, &req); err != nil {
		return err
	}
	email, err := h.svc.Signup(c.UserContext(), service.SignupInput{
		OrganisationName: req.OrganisationName, Name: req.Name, Email: req.Email, Password: req.Password, Language: req.Language, ClientIP: c.IP(),
	})
	if err != nil {
		return err
	}
	// The same answer whether or not the address already had an account.
	return c.Status(fiber.StatusAccepted).JSON(signupAcceptedResponse{Email: email})
}

func (h *handlers) login(c *fiber.Ctx) error {
	var req loginRequest
	if err := httpx.DecodeJSON(c, &req); err != nil {
		return err
	}
	pair, err := h.svc.Login(c.UserContext(), req.Email, req.Password, c.IP())
	if err != nil {
		return err
	}
	return tokens(c, pair)
}

func (h *handlers) refresh(c *fiber.Ctx) error {
	var req refreshRequest
	if err := httpx.DecodeJSON(c, &req); err != nil {
		return err
	}
	pair, err := h.svc.Refresh(c.UserContext(), req.RefreshToken)
	if err != nil {
		return err
	}
	return tokens(c, pair)
}

func tokens(c *fiber.Ctx, pair service.TokenPair) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.JSON(toTokenResponse(pair))
}

func (h *handlers) logout(c *fiber.Ctx) error {
	var req refreshRequest
	if err := httpx.DecodeJSON(c, &req); err != nil {
		return err
	}
	if err := h.svc.Logout(c.UserContext(), req.RefreshToken); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *handlers) me(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	acct, err := h.svc.Me(c.UserContext(), a)
	if err != nil {
		return err
	}
	return c.JSON(toAccountResponse(acct))
}

func (h *handlers) updateMe(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	var req updateMeRequest
	if err := httpx.DecodeJSON(c, &req); err != nil {
		return err
	}
	acct, err := h.svc.SetLanguage(c.UserContext(), a, req.Language)
	if err != nil {
		return err
	}
	return c.JSON(toAccountResponse(acct))
}

func (h *handlers) createOrganisation(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	var req createOrganisationRequest
	if err := httpx.DecodeJSON(c, &req); err != nil {
		return err
	}
	org, err := h.svc.CreateOrganisation(c.UserContext(), a, req.Name, domain.OrgKind(req.Kind), domain.ProgrammeType(req.ProgrammeType))
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toOrganisationResponse(org))
}

func (h *handlers) invite(c *fiber.Ctx) error {
	a, err := actor(c)
	if err != nil {
		return err
	}
	var req inviteRequest
	if err := httpx.DecodeJSON(c, &req); err != nil {
		return err
	}
	inv, err := h.svc.Invite(c.UserContext(), a, c.Params("id"), req.Email, domain.Role(req.Role), c.IP())
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Status(fiber.StatusCreated).JSON(toInvitationResponse(inv))
}

func (h *handlers) acceptInvitation(c *fiber.Ctx) error {
	var req acceptInvitationRequest
	if err := httpx.DecodeJSON(c, &req); err != nil {
		return err
	}
	acct, err := h.svc.AcceptInvitation(c.UserContext(), c.Params("token"), req.Name, req.Password, req.Language)
	if err != nil {
		return err
	}
	resp := toAccountResponse(acct)
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"user": resp.User, "organisation": resp.Organisation})
}

// actor is the signed-in user behind the request's verified token.
func actor(c *fiber.Ctx) (service.Actor, error) {
	p, ok := auth.PrincipalFrom(c)
	if !ok {
		return service.Actor{}, fmt.Errorf("no verified token: %w", errs.Unauthenticated)
	}
	return service.ActorFromPrincipal(p)
}
