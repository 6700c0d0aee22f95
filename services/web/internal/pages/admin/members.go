package admin

import (
	"errors"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// confirmData is the second step of an action that cannot simply be
// undone: what will happen, a button that does it and a way back. It is a
// page of its own, so it works without JavaScript.
type confirmData struct {
	Heading, Body, Submit string
	// Action is where the button posts; Back is the organisation page.
	Action, Back string
	// Refused hides the button when the action cannot be done at all.
	Refused bool
}

// memberActions are the changes to a person the pages offer, and whether
// each switches the account off.
var memberActions = map[string]bool{"deactivate": true, "reactivate": false}

// ConfirmMemberChange asks before a person's account is switched off or on
// again.
func (p *Pages) ConfirmMemberChange(c *fiber.Ctx) error {
	if _, known := memberActions[c.Params("action")]; !known {
		return p.k.ErrorPage(c, errs.NotFound)
	}
	v, status, err := p.memberConfirmView(c)
	if err != nil {
		return p.failed(c, err)
	}
	return p.render(c, status, "confirm", v)
}

// memberConfirmView is the confirmation page for the route's person and
// action; the signed-in user's own account is explained, not offered.
func (p *Pages) memberConfirmView(c *fiber.Ctx) (*kit.View, int, error) {
	v, d, err := p.organisationView(c)
	if err != nil {
		return nil, 0, err
	}
	m, ok := d.member(c.Params("user"))
	if !ok {
		return nil, 0, errs.NotFound
	}
	action := c.Params("action")
	data := &confirmData{Action: d.Base + "/members/" + url.PathEscape(m.ID) + "/" + action, Back: d.Base}
	if memberActions[action] {
		data.Heading, data.Body = v.T("AdminDeactivateHeading", "Name", m.Name), v.T("AdminDeactivateBody", "Name", m.Name)
		data.Submit = v.T("AdminDeactivateSubmit")
	} else {
		data.Heading, data.Body = v.T("AdminReactivateHeading", "Name", m.Name), v.T("AdminReactivateBody", "Name", m.Name)
		data.Submit = v.T("AdminReactivateSubmit")
	}
	v.Data = data
	if m.Self {
		data.Refused, v.Alert = true, v.T("AdminErrSelf")
		return v, fiber.StatusConflict, nil
	}
	return v, fiber.StatusOK, nil
}

// ChangeMember switches a person's account off or on again. The gateway
// refuses one's own account (409), which the confirmation page explains.
func (p *Pages) ChangeMember(c *fiber.Ctx) error {
	off, known := memberActions[c.Params("action")]
	if !known {
		return p.k.ErrorPage(c, errs.NotFound)
	}
	sc, id := scopeOf(c), strings.Clone(c.Params("user"))
	// A platform administrator may switch anyone; the page acts only on the
	// people of the organisation it shows.
	if err := p.requireMember(c, sc, id); err != nil {
		return p.failed(c, err)
	}
	err := p.setDeactivated(c, id, off)
	if errors.Is(err, errs.Conflict) {
		v, _, verr := p.memberConfirmView(c)
		if verr != nil {
			return p.failed(c, verr)
		}
		v.Data.(*confirmData).Refused, v.Alert = true, v.T("AdminErrSelf")
		return p.render(c, fiber.StatusConflict, "confirm", v)
	}
	if err != nil {
		return p.failed(c, err)
	}
	kind := reactivated
	if off {
		kind = deactivated
	}
	setNotice(c, sc.Base, notice{Kind: kind, Subject: id})
	return c.Redirect(sc.Base, fiber.StatusSeeOther)
}

// setDeactivated switches a user's account off (true) or on again.
func (p *Pages) setDeactivated(c *fiber.Ctx, userID string, off bool) error {
	if off {
		_, err := p.k.API.DeactivateUserWithResponse(kit.Ctx(c), userID)
		return err
	}
	_, err := p.k.API.ReactivateUserWithResponse(kit.Ctx(c), userID)
	return err
}

// requireMember is NotFound unless userID is one of the organisation's
// people.
func (p *Pages) requireMember(c *fiber.Ctx, sc scope, userID string) error {
	people, err := p.roster(c, sc.OrgID)
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
