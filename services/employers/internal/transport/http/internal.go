package http

import (
	"github.com/gofiber/fiber/v2"
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
	return c.JSON(toRoleResponse(r))
}

func (h *handlers) internalRoleVersions(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	pg, err := pageRequest(c)
	if err != nil {
		return err
	}
	list, next, err := h.svc.RoleVersions(c.UserContext(), p, pg)
	if err != nil {
		return err
	}
	out := page[roleVersion]{Items: make([]roleVersion, 0, len(list)), NextCursor: next}
	for _, v := range list {
		out.Items = append(out.Items, roleVersion{ID: v.ID, Version: v.Version})
	}
	return c.JSON(out)
}
