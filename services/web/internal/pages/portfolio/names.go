package portfolio

import (
	"github.com/gofiber/fiber/v2"
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
		if name := p.k.ColleagueName(c, id); name != "" {
			names[id] = name
		}
	}
	return names
}
