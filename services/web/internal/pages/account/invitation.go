package account

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// invitationPage is what the invitee sees: who invites them, as what, and
// the address the account will use.
type invitationPage struct {
	OrgName string
	OrgKind string
	Role    string
	Email   string
	// Action is the page's own address, which holds the token.
	Action string
}

// invitationPageOf converts the gateway's answer for the page at path.
func invitationPageOf(inv api.InvitationLookup, path string) invitationPage {
	return invitationPage{
		OrgName: inv.Organisation.Name, OrgKind: string(inv.Organisation.Kind),
		Role: string(inv.Role), Email: inv.Email, Action: path,
	}
}

// invitationView looks the invitation up. The page's own address holds the
// token, so the language switcher returns to it.
func (p *Pages) invitationView(c *fiber.Ctx) (*kit.View, error) {
	token := c.Params("token")
	resp, err := p.kit.API.LookupInvitationWithResponse(kit.Ctx(c), token)
	if err != nil {
		return nil, err
	}
	path := "/invitations/" + token
	v := p.kit.NewView(c, path)
	v.Data = invitationPageOf(*resp.JSON200, path)
	return v, nil
}

// invitationFailed explains an unknown, used or expired invitation, and
// shows an error page for anything else.
func (p *Pages) invitationFailed(c *fiber.Ctx, err error) error {
	if errors.Is(err, errs.NotFound) {
		return p.kit.Message(c, fiber.StatusNotFound, "ErrorInvitation")
	}
	return p.kit.ErrorPage(c, err)
}

// InvitationForm is GET /invitations/:token: the invitee chooses their
// name and password.
func (p *Pages) InvitationForm(c *fiber.Ctx) error {
	p.kit.PeekSession(c)
	v, err := p.invitationView(c)
	if err != nil {
		return p.invitationFailed(c, err)
	}
	return p.tmpl.Render(c, fiber.StatusOK, "invitation", v)
}

// AcceptInvitation is POST /invitations/:token: it creates the invitee's
// account and signs them in.
func (p *Pages) AcceptInvitation(c *fiber.Ctx) error {
	v, err := p.invitationView(c)
	if err != nil {
		return p.invitationFailed(c, err)
	}
	kit.FormValues(c, v, "name")
	password := c.FormValue("password")
	resp, err := p.kit.API.AcceptInvitationWithResponse(kit.Ctx(c), c.Params("token"),
		api.AcceptInvitationRequest{Name: v.Val("name"), Password: password})
	if errors.Is(err, errs.NotFound) {
		return p.invitationFailed(c, err)
	}
	if err != nil {
		return p.formFailed(c, v, "invitation", err)
	}
	return p.signInAndGoHome(c, resp.JSON201.User.Email, password)
}
