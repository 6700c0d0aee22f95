package http

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
)

func (h *handlers) handoff(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var req handoffRequest
	if err := httpx.DecodeJSON(c, &req); err != nil {
		return err
	}
	if err := h.svc.TakeHandoff(c.UserContext(), p, req.toHandoff()); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusAccepted)
}

func (h *handlers) list(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	unread := false
	switch c.Query("unread") {
	case "", "false":
	case "true":
		unread = true
	default:
		return errs.Invalid("unread", "must be true or false")
	}
	lang := c.Query("lang")
	if lang != "" && domain.Language(lang) != lang {
		return errs.Invalid("lang", "must be one of %v", domain.Languages)
	}
	pg, err := httpx.PageRequest(c, mongox.MaxPageSize)
	if err != nil {
		return err
	}
	page, err := h.svc.Inbox(c.UserContext(), p, unread, lang, pg)
	if err != nil {
		return err
	}
	out := inboxResponse{Items: make([]itemResponse, 0, len(page.Items)), Unread: page.Unread, NextCursor: page.Next}
	for _, e := range page.Items {
		out.Items = append(out.Items, toItemResponse(e))
	}
	return c.JSON(out)
}

func (h *handlers) unreadCount(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	n, err := h.svc.UnreadCount(c.UserContext(), p)
	if err != nil {
		return err
	}
	return c.JSON(unreadResponse{Unread: n})
}

func (h *handlers) read(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	if err := h.svc.MarkRead(c.UserContext(), p, c.Params("id")); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *handlers) readAll(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	if err := h.svc.MarkAllRead(c.UserContext(), p); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *handlers) getPreferences(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	v, err := h.svc.Preferences(c.UserContext(), p)
	if err != nil {
		return err
	}
	return c.JSON(preferencesResponse{settingsResponse: toSettingsResponse(v.Effective), Defaults: toSettingsResponse(v.Defaults)})
}

func (h *handlers) putPreferences(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var body settingsBody
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	if body.OrganisationID != "" {
		return errs.Invalid("organisation_id", "is not a field of a user's preferences")
	}
	v, err := h.svc.PutPreferences(c.UserContext(), p, body.toSettings())
	if err != nil {
		return err
	}
	return c.JSON(preferencesResponse{settingsResponse: toSettingsResponse(v.Effective), Defaults: toSettingsResponse(v.Defaults)})
}

func (h *handlers) putOrgDefaults(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var body settingsBody
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	e, err := h.svc.PutOrgDefaults(c.UserContext(), p, body.OrganisationID, body.toSettings())
	if err != nil {
		return err
	}
	return c.JSON(toSettingsResponse(e))
}

func (h *handlers) deliveries(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	pg, err := httpx.PageRequest(c, mongox.MaxPageSize)
	if err != nil {
		return err
	}
	list, next, err := h.svc.Deliveries(c.UserContext(), p, domain.Status(c.Query("status")), pg)
	if err != nil {
		return err
	}
	return c.JSON(httpx.ToPage(list, next, toDeliveryResponse))
}
