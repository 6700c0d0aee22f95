package admin

import (
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// scope is the organisation a request is about and the address of its
// page, which every action returns to.
type scope struct {
	OrgID string
	Base  string
	// Platform is true for a platform administrator's view, which links
	// back to the list of organisations.
	Platform bool
}

type scopeKey struct{}

// PlatformScope is middleware for the organisation pages under
// /admin/organisations/:id: the organisation is the route's. The route
// table lets only platform administrators reach it.
func (p *Pages) PlatformScope(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	c.Locals(scopeKey{}, scope{OrgID: id, Base: "/admin/organisations/" + url.PathEscape(id), Platform: true})
	return c.Next()
}

// OwnScope is middleware for the organisation pages under /organisation:
// an organisation's administrators pass to their own organisation; a
// platform administrator, who has none, is sent to the list of
// organisations; anyone else gets the forbidden page.
func (p *Pages) OwnScope(c *fiber.Ctx) error {
	a := kit.ActorOf(c)
	switch {
	case a.IsAdmin():
		return c.Redirect("/admin/organisations", fiber.StatusSeeOther)
	case !a.IsOrgAdmin() || a.OrgID == "":
		return p.k.ErrorPage(c, errs.Forbidden)
	}
	c.Locals(scopeKey{}, scope{OrgID: a.OrgID, Base: "/organisation"})
	return c.Next()
}

func scopeOf(c *fiber.Ctx) scope {
	sc, _ := c.Locals(scopeKey{}).(scope)
	return sc
}
