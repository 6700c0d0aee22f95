package site

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"
)

// countsTimeout bounds the home page's one call for shortlist counts: the
// counts are a bonus, and the home page never waits long for them.
const countsTimeout = 1500 * time.Millisecond

// loadShortlistCounts asks matching, in one call, how many full and near
// matches each of the employer's open roles has. When it cannot answer,
// the roles simply show no counts.
func (s *site) loadShortlistCounts(c *fiber.Ctx, h *homeData) {
	var ids []string
	for _, g := range h.RoleGroups {
		if g.Status != "open" {
			continue
		}
		for _, r := range g.Roles {
			ids = append(ids, r.ID)
		}
	}
	if len(ids) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(c.UserContext(), countsTimeout)
	defer cancel()
	counts, err := s.matching.shortlistCounts(ctx, accessToken(c), ids)
	if err != nil {
		s.logServiceFailure(c, "matching", err)
		return
	}
	h.ShortlistCounts = make(map[string]*shortlistCount, len(counts))
	for id, n := range counts {
		h.ShortlistCounts[id] = &shortlistCount{Full: max(n.Full, 0), Near: max(n.Near, 0)}
	}
}
