package employer

import (
	"net/url"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// introPageSize is how many requests one page of a list shows.
const introPageSize = 20

// introductionsView lists an employer's requests to meet: one role's, or
// across roles.
type introductionsView struct {
	// RoleID and RoleTitle are set on a role's list.
	RoleID, RoleTitle string
	Items             []introItem
	MoreHref          string
	Continued         bool
}

// introItem is one request in a list.
type introItem struct {
	ID, Alias, RoleTitle, RoleID string
	Status, StatusText           string
	Requested, Expires           string
}

// introPath is an introduction's page.
func introPath(id string) string { return "/introductions/" + url.PathEscape(id) }

// roleIntrosPath is a role's requests.
func roleIntrosPath(role string) string { return "/roles/" + url.PathEscape(role) + "/introductions" }

// RoleIntroductions is GET /roles/:id/introductions: the requests to meet
// made for one role, newest first.
func (p *Pages) RoleIntroductions(c *fiber.Ctx) error {
	id := c.Params("id")
	role, err := p.kit.API.GetRoleWithResponse(kit.Ctx(c), id)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	d := &introductionsView{RoleID: id, RoleTitle: role.JSON200.Title}
	return p.listIntroductions(c, d, roleIntrosPath(id), &api.ListIntroductionsParams{Role: &id})
}

// Introductions is GET /introductions for an employer: its requests to
// meet across its roles, newest first.
func (p *Pages) Introductions(c *fiber.Ctx) error {
	return p.listIntroductions(c, &introductionsView{}, "/introductions", &api.ListIntroductionsParams{})
}

// listIntroductions draws one page of the list at base, following the
// API's cursor.
func (p *Pages) listIntroductions(c *fiber.Ctx, d *introductionsView, base string, q *api.ListIntroductionsParams) error {
	v := p.kit.NewView(c, base)
	q.Limit = kit.Ptr(introPageSize)
	if cursor := c.Query("cursor"); cursor != "" {
		q.Cursor, d.Continued = &cursor, true
	}
	resp, err := p.kit.API.ListIntroductionsWithResponse(kit.Ctx(c), q)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	for _, in := range resp.JSON200.Items {
		d.Items = append(d.Items, introItemOf(v, in))
	}
	if next := kit.Deref(resp.JSON200.NextCursor); next != "" {
		d.MoreHref = base + "?" + url.Values{"cursor": {next}}.Encode()
	}
	v.Data = d
	return p.templates.Render(c, fiber.StatusOK, "introductions_list", v)
}

// introItemOf is a request as a list shows it.
func introItemOf(v *kit.View, in api.Introduction) introItem {
	it := introItem{ID: in.ID, Alias: in.CandidateAlias, RoleID: in.RoleID, RoleTitle: kit.Deref(in.RoleTitle), Status: string(in.Status),
		StatusText: v.T("EmpIntroStatus_" + string(in.Status)), Requested: v.Date(in.RequestedAt.Format("2006-01-02T15:04:05Z07:00"))}
	if in.Status == api.IntroductionStatusRequested {
		it.Expires = v.Date(in.ExpiresAt.Format("2006-01-02T15:04:05Z07:00"))
	}
	return it
}
