package site

import (
	"errors"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

// adminConfirmData is the second step of an action that cannot simply be
// undone: what will happen, a button that does it and a way back. It
// is a page of its own, so it works without JavaScript.
type adminConfirmData struct {
	Heading, Body, Submit string
	// Action is where the button posts; Back is the organisation page.
	Action, Back string
	// Refused hides the button when the action cannot be done at all.
	Refused bool
}

// memberActions are the changes to a person the pages offer, and
// whether each switches the account off.
var memberActions = map[string]bool{"deactivate": true, "reactivate": false}

// reissue gives an open invitation a new link and shows it once, on the
// organisation page after the redirect.
func (p *adminPages) reissue(c *fiber.Ctx) error {
	sc, id := scopeOf(c), strings.Clone(c.Params("invitation"))
	inv, err := p.api.reissueInvitation(c.UserContext(), accessToken(c), sc.OrgID, id)
	if errors.Is(err, errs.Conflict) {
		// The address has got an account meanwhile.
		v, _, verr := p.organisationView(c)
		if verr != nil {
			return p.failed(c, verr)
		}
		v.Alert = v.T("AdminErrReissueTaken")
		return p.render(c, fiber.StatusConflict, "admin_organisation", v)
	}
	if err != nil {
		return p.failed(c, err)
	}
	setAdminNotice(c, sc.Base, adminNotice{Kind: adminReissued, Subject: inv.ID, Link: p.publicURL + "/invitations/" + inv.Token})
	return c.Redirect(sc.Base, fiber.StatusSeeOther)
}

// confirmRevoke asks before an invitation is withdrawn.
func (p *adminPages) confirmRevoke(c *fiber.Ctx) error {
	v, d, err := p.organisationView(c)
	if err != nil {
		return p.failed(c, err)
	}
	inv, ok := d.invitation(c.Params("invitation"))
	if !ok {
		return p.errorPage(c, errs.NotFound)
	}
	v.Data = adminConfirmData{
		Heading: v.T("AdminRevokeHeading", "Email", inv.Email), Body: v.T("AdminRevokeBody"),
		Submit: v.T("AdminRevokeSubmit"), Action: d.Base + "/invitations/" + url.PathEscape(inv.ID) + "/revoke", Back: d.Base,
	}
	return p.render(c, fiber.StatusOK, "admin_confirm", v)
}

// revoke withdraws an invitation; its link stops working.
func (p *adminPages) revoke(c *fiber.Ctx) error {
	sc, id := scopeOf(c), strings.Clone(c.Params("invitation"))
	if err := p.api.revokeInvitation(c.UserContext(), accessToken(c), sc.OrgID, id); err != nil {
		return p.failed(c, err)
	}
	setAdminNotice(c, sc.Base, adminNotice{Kind: adminRevoked, Subject: id})
	return c.Redirect(sc.Base, fiber.StatusSeeOther)
}

// confirmMemberChange asks before a person's account is switched off or
// on again.
func (p *adminPages) confirmMemberChange(c *fiber.Ctx) error {
	if _, known := memberActions[c.Params("action")]; !known {
		return p.errorPage(c, errs.NotFound)
	}
	v, status, err := p.memberConfirmView(c)
	if err != nil {
		return p.failed(c, err)
	}
	return p.render(c, status, "admin_confirm", v)
}

// memberConfirmView is the confirmation page for the route's person and
// action; the signed-in user's own account is explained, not offered.
func (p *adminPages) memberConfirmView(c *fiber.Ctx) (*view, int, error) {
	v, d, err := p.organisationView(c)
	if err != nil {
		return nil, 0, err
	}
	m, ok := d.member(c.Params("user"))
	if !ok {
		return nil, 0, errs.NotFound
	}
	action := c.Params("action")
	data := adminConfirmData{Action: d.Base + "/members/" + url.PathEscape(m.ID) + "/" + action, Back: d.Base}
	if memberActions[action] {
		data.Heading, data.Body = v.T("AdminDeactivateHeading", "Name", m.Name), v.T("AdminDeactivateBody", "Name", m.Name)
		data.Submit = v.T("AdminDeactivateSubmit")
	} else {
		data.Heading, data.Body = v.T("AdminReactivateHeading", "Name", m.Name), v.T("AdminReactivateBody", "Name", m.Name)
		data.Submit = v.T("AdminReactivateSubmit")
	}
	v.Data = &data
	if m.Self {
		data.Refused, v.Alert = true, v.T("AdminErrSelf")
		return v, fiber.StatusConflict, nil
	}
	return v, fiber.StatusOK, nil
}

// changeMember switches a person's account off or on again. The gateway
// refuses one's own account (409), which the confirmation page explains.
func (p *adminPages) changeMember(c *fiber.Ctx) error {
	off, known := memberActions[c.Params("action")]
	if !known {
		return p.errorPage(c, errs.NotFound)
	}
	sc, id := scopeOf(c), strings.Clone(c.Params("user"))
	// A platform administrator may switch anyone; the page acts only on
	// the people of the organisation it shows.
	if err := p.requireMember(c, sc, id); err != nil {
		return p.failed(c, err)
	}
	err := p.api.setDeactivated(c.UserContext(), accessToken(c), id, off)
	if errors.Is(err, errs.Conflict) {
		v, _, verr := p.memberConfirmView(c)
		if verr != nil {
			return p.failed(c, verr)
		}
		v.Data.(*adminConfirmData).Refused, v.Alert = true, v.T("AdminErrSelf")
		return p.render(c, fiber.StatusConflict, "admin_confirm", v)
	}
	if err != nil {
		return p.failed(c, err)
	}
	kind := adminReactivated
	if off {
		kind = adminDeactivated
	}
	setAdminNotice(c, sc.Base, adminNotice{Kind: kind, Subject: id})
	return c.Redirect(sc.Base, fiber.StatusSeeOther)
}

// requireMember is NotFound unless userID is one of the organisation's
// people.
func (p *adminPages) requireMember(c *fiber.Ctx, sc adminScope, userID string) error {
	people, err := p.api.roster(c.UserContext(), accessToken(c), sc.OrgID)
	if err != nil {
		return err
	}
	for _, m := range people {
		if m.ID == userID {
			return nil
		}
	}
	return errs.NotFound
}
