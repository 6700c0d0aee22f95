package account

import (
	"errors"
	"html/template"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// invitationDays is how long an invitation link works, as the gateway
// issues it; the home page tells the inviter.
const invitationDays = 7

// inviteRoles are the roles the invitation form offers, in its order.
var inviteRoles = []string{kit.RoleMember, kit.RoleOrgAdmin}

// homePage is what the home page shows: who is signed in, their
// organisation, the result of the last form, shown once, and the other
// audiences' panels.
type homePage struct {
	Name     string
	Role     string
	OrgID    string
	OrgName  string
	OrgKind  string
	ProgType string
	// Invitation is an invitation just issued, with its link, shown once.
	Invitation  *kit.Flash
	InviteRoles []string
	InviteDays  int
	// Panels are the other audiences' parts of the page, drawn already.
	Panels []template.HTML
}

// homePageOf converts the signed-in account.
func homePageOf(acct api.Account) *homePage {
	h := &homePage{
		Name: acct.User.Name, Role: string(acct.User.Role),
		InviteRoles: inviteRoles, InviteDays: invitationDays,
	}
	if o := acct.Organisation; o != nil {
		h.OrgID, h.OrgName, h.OrgKind = o.ID, o.Name, string(o.Kind)
		if o.ProgrammeType != nil {
			h.ProgType = *o.ProgrammeType
		}
	}
	return h
}

// IsAdmin, IsOrgAdmin and IsEmployer choose the parts of the page.
func (h *homePage) IsAdmin() bool    { return h.Role == kit.RoleAdmin }
func (h *homePage) IsOrgAdmin() bool { return h.Role == kit.RoleOrgAdmin }
func (h *homePage) IsEmployer() bool { return h.OrgKind == kit.KindEmployer }

// IsProgramme reports whether the user works for a programme
// organisation, whose staff register candidates.
func (h *homePage) IsProgramme() bool { return h.OrgKind == kit.KindProgramme }

// IsObserver reports whether the user works for an observer organisation,
// which has no next step on the hiring path: its panel says where the
// shared reports will appear.
func (h *homePage) IsObserver() bool { return h.OrgKind == kit.KindObserver }

// showFlash puts the result of the page's own form on it; the panels
// show theirs (an organisation just added, a role's status change, a
// saved profile).
func (h *homePage) showFlash(f *kit.Flash) {
	if f != nil && f.Kind == kit.FlashInvitation {
		h.Invitation = f
	}
}

// loadHome asks the gateway for the signed-in account and puts it in v.
func (p *Pages) loadHome(c *fiber.Ctx, v *kit.View) (*homePage, error) {
	resp, err := p.kit.API.GetMeWithResponse(kit.Ctx(c))
	if err != nil {
		return nil, err
	}
	h := homePageOf(*resp.JSON200)
	v.Data = h
	return h, nil
}

// Home is GET /home: the signed-in start page, one per role.
func (p *Pages) Home(c *fiber.Ctx) error {
	v := p.kit.NewView(c, "/home")
	h, err := p.loadHome(c, v)
	if err != nil {
		return p.homeFailed(c, err)
	}
	v.Flash = kit.TakeFlash(c)
	h.showFlash(v.Flash)
	if h.IsOrgAdmin() {
		v.Form["role"] = kit.RoleMember
	}
	return p.renderHome(c, fiber.StatusOK, v, h)
}

// RenderHome draws the home page with status and the form in v (what was
// typed, its errors, an alert): for another package's form on the home
// page that the API refused, such as the administrator's new
// organisation. v is a view of /home.
func (p *Pages) RenderHome(c *fiber.Ctx, v *kit.View, status int) error {
	h, err := p.loadHome(c, v)
	if err != nil {
		return p.homeFailed(c, err)
	}
	return p.renderHome(c, status, v, h)
}

// renderHome draws the panels, which may set v.Alert or v.Notice, and
// then the page around them.
func (p *Pages) renderHome(c *fiber.Ctx, status int, v *kit.View, h *homePage) error {
	for _, panel := range p.panels {
		html, err := panel(c, v)
		if err != nil {
			return p.kit.ErrorPage(c, err)
		}
		if html != "" {
			h.Panels = append(h.Panels, html)
		}
	}
	return p.tmpl.Render(c, status, "home", v)
}

// homeFailed signs out a user whose account is gone, and shows an error
// page for anything else.
func (p *Pages) homeFailed(c *fiber.Ctx, err error) error {
	if errors.Is(err, errs.Unauthenticated) {
		p.kit.ClearSessionCookie(c)
		return c.Redirect("/login", fiber.StatusSeeOther)
	}
	return p.kit.ErrorPage(c, err)
}

// homeFormFailed shows the home page again with a form's error explained.
func (p *Pages) homeFormFailed(c *fiber.Ctx, v *kit.View, h *homePage, err error) error {
	status, ok := kit.FormProblem(c, v, err)
	if !ok {
		return p.kit.ErrorPage(c, err)
	}
	return p.renderHome(c, status, v, h)
}
