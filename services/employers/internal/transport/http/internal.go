package http

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/employers/internal/service"
)

// roleVersion is one entry of the internal listing of every role.
type roleVersion struct {
	ID      string `json:"id"`
	Version int64  `json:"version"`
}

func (h *handlers) internalRole(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	r, err := h.svc.InternalRole(c.UserContext(), p, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(h.roleResponse(r))
}

func (h *handlers) internalRoleVersions(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	pg, err := httpx.PageRequest(c, mongox.MaxPageSize)
	if err != nil {
		return err
	}
	list, next, err := h.svc.RoleVersions(c.UserContext(), p, pg)
	if err != nil {
		return err
	}
	out := httpx.Page[roleVersion]{Items: make([]roleVersion, 0, len(list)), NextCursor: next}
	for _, v := range list {
		out.Items = append(out.Items, roleVersion{ID: v.ID, Version: v.Version})
	}
	return c.JSON(out)
}

// internalRoleViews pages through every role in full, up to
// service.MaxViewsPageSize at a time, so matching loads all roles in a few
// requests instead of one request each.
func (h *handlers) internalRoleViews(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	pg, err := httpx.PageRequest(c, service.MaxViewsPageSize)
	if err != nil {
		return err
	}
	list, next, err := h.svc.RoleViews(c.UserContext(), p, pg)
	if err != nil {
		return err
	}
	out := httpx.Page[roleResponse]{Items: make([]roleResponse, 0, len(list)), NextCursor: next}
	for _, r := range list {
		out.Items = append(out.Items, h.roleResponse(r))
	}
	return c.JSON(out)
}
