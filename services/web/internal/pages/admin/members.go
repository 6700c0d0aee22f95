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
	// Routine draws the page without the danger colours, for a change
	// that is easily undone.
	Routine bool
}

// ConfirmMemberChange asks before a person's account or role is changed,
// or the person removed. What the page would not offer (one's own account,
// a role the person already has) is explained instead, with 409.
func (p *Pages) ConfirmMemberChange(c *fiber.Ctx) error {
	a, known := memberActions[c.Params("action")]
	if !known {
		return p.k.ErrorPage(c, errs.NotFound)
	}
	v, status, err := p.memberConfirmView(c, a)
	if err != nil {
		return p.failed(c, err)
	}
	return p.render(c, status, "confirm", v)
}

// memberConfirmView is the confirmation page of action a for the route's
// person, with its status.
func (p *Pages) memberConfirmView(c *fiber.Ctx, a memberAction) (*kit.View, int, error) {
	v, d, err := p.organisationView(c)
	if err != nil {
		return nil, 0, err
	}
	m, ok := d.member(c.Params("user"))
	if !ok {
		return nil, 0, errs.NotFound
	}
	data := &confirmData{
		Heading: v.T(a.heading, "Name", m.Name), Body: v.T(a.body, "Name", m.Name), Submit: v.T(a.submit),
		Action: d.Base + "/members/" + url.PathEscape(m.ID) + "/" + c.Params("action"), Back: d.Base, Routine: a.routine,
	}
	v.Data = data
	switch {
	case m.Self:
		data.Refused, v.Alert = true, v.T(a.self)
	case a.fits != nil && !a.fits(m):
		data.Refused, v.Alert = true, v.T(a.unfit, "Name", m.Name)
	default:
		return v, fiber.StatusOK, nil
	}
	return v, fiber.StatusConflict, nil
}

// ChangeMember makes the route's change to a person and returns to the
// organisation page with a notice. The gateway refuses one's own account
// (409), which the confirmation page explains; a change the person does
// not need is explained there too, without asking the gateway.
func (p *Pages) ChangeMember(c *fiber.Ctx) error {
	name := strings.Clone(c.Params("action"))
	a, known := memberActions[name]
	if !known {
		return p.k.ErrorPage(c, errs.NotFound)
	}
	sc, id := scopeOf(c), strings.Clone(c.Params("user"))
	// A platform administrator may change anyone; the page acts only on
	// the people of the organisation it shows.
	m, err := p.memberOf(c, sc, id)
	if err != nil {
		return p.failed(c, err)
	}
	if a.fits != nil && !a.fits(m) {
		return p.ConfirmMemberChange(c)
	}
	err = a.apply(p, c, sc, id)
	if errors.Is(err, errs.Conflict) {
		v, _, verr := p.memberConfirmView(c, a)
		if verr != nil {
			return p.failed(c, verr)
		}
		why := a.self
		if a.conflict != "" {
			why = a.conflict
		}
		v.Data.(*confirmData).Refused, v.Alert = true, v.T(why, "Name", m.Name)
		return p.render(c, fiber.StatusConflict, "confirm", v)
	}
	if err != nil {
		return p.failed(c, err)
	}
	n := notice{Kind: name, Subject: id}
	if a.leaves {
		n.Name = m.Name
	}
	setNotice(c, sc.Base, n)
	return c.Redirect(sc.Base, fiber.StatusSeeOther)
}

// memberOf is one of the organisation's people, or NotFound.
func (p *Pages) memberOf(c *fiber.Ctx, sc scope, userID string) (memberRow, error) {
	people, err := p.roster(c, sc.OrgID)
	if err != nil {
		return memberRow{}, err
	}
	for _, m := range people {
		if m.ID == userID {
			return memberRowOf(m, kit.ActorOf(c).UserID), nil
		}
	}
	return memberRow{}, errs.NotFound
}
