package admin

import (
	"errors"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// inviteRoles are the roles the organisation page invites to, in the order
// it offers them.
var inviteRoles = []string{kit.RoleMember, kit.RoleOrgAdmin}

// Invite issues an invitation to the organisation the page shows: how a
// platform administrator gives an existing organisation a new
// administrator. The link is shown once, after the redirect; a refused form
// comes back with its errors and what was typed.
func (p *Pages) Invite(c *fiber.Ctx) error {
	sc := scopeOf(c)
	body := api.InviteRequest{Email: kit.FormText(c, "email"), Role: api.InviteRequestRole(kit.FormText(c, "role"))}
	resp, err := p.k.API.InviteMemberWithResponse(kit.Ctx(c), sc.OrgID, body)
	if err != nil {
		v, _, verr := p.organisationView(c)
		if verr != nil {
			return p.failed(c, verr)
		}
		kit.FormValues(c, v, "email", "role")
		status, ok := kit.FormProblem(c, v, err)
		if !ok {
			return p.failed(c, err)
		}
		return p.render(c, status, "organisation", v)
	}
	setNotice(c, sc.Base, notice{Kind: invited, Subject: resp.JSON201.ID, Link: p.invitationLink(*resp.JSON201)})
	return c.Redirect(sc.Base, fiber.StatusSeeOther)
}

// Reissue gives an open invitation a new link and shows it once, on the
// organisation page after the redirect.
func (p *Pages) Reissue(c *fiber.Ctx) error {
	sc, id := scopeOf(c), strings.Clone(c.Params("invitation"))
	resp, err := p.k.API.ReissueInvitationWithResponse(kit.Ctx(c), sc.OrgID, id)
	if errors.Is(err, errs.Conflict) {
		// The address has become a member of this organisation meanwhile.
		v, _, verr := p.organisationView(c)
		if verr != nil {
			return p.failed(c, verr)
		}
		v.Alert = v.T("AdminErrReissueTaken")
		return p.render(c, fiber.StatusConflict, "organisation", v)
	}
	if err != nil {
		return p.failed(c, err)
	}
	setNotice(c, sc.Base, notice{Kind: reissued, Subject: resp.JSON201.ID, Link: p.invitationLink(*resp.JSON201)})
	return c.Redirect(sc.Base, fiber.StatusSeeOther)
}

// ConfirmRevoke asks before an invitation is withdrawn.
func (p *Pages) ConfirmRevoke(c *fiber.Ctx) error {
	v, d, err := p.organisationView(c)
	if err != nil {
		return p.failed(c, err)
	}
	inv, ok := d.invitation(c.Params("invitation"))
	if !ok {
		return p.k.ErrorPage(c, errs.NotFound)
	}
	v.Data = &confirmData{
		Heading: v.T("AdminRevokeHeading", "Email", inv.Email), Body: v.T("AdminRevokeBody"), Submit: v.T("AdminRevokeSubmit"),
		Action: d.Base + "/invitations/" + url.PathEscape(inv.ID) + "/revoke", Back: d.Base,
	}
	return p.render(c, fiber.StatusOK, "confirm", v)
}

// Revoke withdraws an invitation; its link stops working.
func (p *Pages) Revoke(c *fiber.Ctx) error {
	sc, id := scopeOf(c), strings.Clone(c.Params("invitation"))
	if _, err := p.k.API.RevokeInvitationWithResponse(kit.Ctx(c), sc.OrgID, id); err != nil {
		return p.failed(c, err)
	}
	setNotice(c, sc.Base, notice{Kind: revoked, Subject: id})
	return c.Redirect(sc.Base, fiber.StatusSeeOther)
}

// invitationLink is the address an invitee opens to join.
func (p *Pages) invitationLink(inv api.Invitation) string {
	return p.k.PublicURL + "/invitations/" + inv.Token
}
