package app

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// byOrgKind serves one address that means something different to each
// side of an introduction: /introductions, /introductions/:id and its
// actions, /followups. An employer's member gets employer, programme
// staff get programme. Anyone else (a platform administrator, an
// organisation of another kind), and a side whose handler is nil, goes on
// to the route's next handler, which the route table makes the 404 page:
// the address does not exist for them.
func byOrgKind(employer, programme fiber.Handler) fiber.Handler {
	return func(c *fiber.Ctx) error {
		a := kit.ActorOf(c)
		switch {
		case a.IsEmployer() && employer != nil:
			return employer(c)
		case a.IsProgrammeStaff() && programme != nil:
			return programme(c)
		}
		return c.Next()
	}
}

// sharedRoute is the handler chain of an address both sides use: the
// CSRF token, a session, byOrgKind, and the 404 page for everyone
// byOrgKind passes on (GET and POST alike).
func sharedRoute(k *kit.Kit, employer, programme fiber.Handler) []fiber.Handler {
	return []fiber.Handler{k.CSRF, k.RequireSession, byOrgKind(employer, programme), func(c *fiber.Ctx) error {
		return k.Message(c, fiber.StatusNotFound, "ErrorNotFound")
	}}
}
