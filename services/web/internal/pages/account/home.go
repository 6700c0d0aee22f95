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
	// Created is an organisation an administrator just created;
	// Invitation an invitation just issued, with its link.
	Created    *kit.Flash
	Invitation *kit.Flash
	// InviteOrg and InviteName are the organisation the invitation form
	// invites to.
	InviteOrg   string
	InviteName  string
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
		h.InviteOrg, h.InviteName = o.ID, o.Name
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

// showFlash puts the result of the page's own forms on it; the panels
// show theirs (a role's status change, a saved profile).
func (h *homePage) showFlash(f *kit.Flash) {
	if f == nil {
		return
	}
	switch f.Kind {
	case kit.FlashOrganisation:
		h.Created, h.InviteOrg, h.InviteName = f, f.OrgID, f.OrgName
	case kit.FlashInvitation:
		h.Invitation = f
	}
}

// homeView loads the signed-in account into a home page view.
func (p *Pages) homeView(c *fiber.Ctx) (*kit.View, *homePage, error) {
	resp, err := p.kit.API.GetMeWithResponse(kit.Ctx(c))
	if err != nil {
		return nil, nil, err
	}
	h := homePageOf(*resp.JSON200)
	v := p.kit.NewView(c, "/home")
	v.Data = h
	return v, h, nil
}

// Home is GET /home: the signed-in start page, one per role.
func (p *Pages) Home(c *fiber.Ctx) error {
	v, h, err := p.homeView(c)
	if err != nil {
		return p.homeFailed(c, err)
	}
	v.Flash = kit.TakeFlash(c)
	h.showFlash(v.Flash)
	if h.IsAdmin() {
		v.Form["kind"] = kit.KindProgramme
		v.Form["role"] = kit.RoleOrgAdmin
	} else {
		v.Form["role"] = kit.RoleMember
	}
	return p.renderHome(c, fiber.StatusOK, v, h)
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
