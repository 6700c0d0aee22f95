package portfolio

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// userNames names the given user ids: the people of the signed-in user's
// organisation by name, anyone else (or an account that no longer exists)
// by id.
func (p *Pages) userNames(c *fiber.Ctx, ids []string) map[string]string {
	names := make(map[string]string, len(ids))
	for _, id := range ids {
		if _, done := names[id]; done || id == "" {
			continue
		}
		names[id] = id
		if name := p.colleagueName(c, id); name != "" {
			names[id] = name
		}
	}
	return names
}

// colleagueName names a user of the signed-in user's own organisation.
// Anyone else, or an account that cannot be read, stays unnamed.
func (p *Pages) colleagueName(c *fiber.Ctx, id string) string {
	resp, err := p.k.API.GetUserWithResponse(kit.Ctx(c), id)
	switch {
	case err == nil:
		return resp.JSON200.Name
	case !errors.Is(err, errs.NotFound) && !errors.Is(err, errs.Forbidden):
		p.k.Logger.WarnContext(c.UserContext(), "web: naming a colleague failed",
			"request_id", httpx.RequestID(c), "error", err.Error())
	}
	return ""
}
