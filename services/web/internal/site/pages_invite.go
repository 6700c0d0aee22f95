package site

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

// invitationData is what the invitee sees: who invites them, as what, and
// the address the account will use.
type invitationData struct {
	OrgName string
	OrgKind string
	Role    string
	Email   string
	Action  string
}

// invitationView looks the invitation up. The page's own address holds the
// token, so the language switcher returns to it.
func (s *site) invitationView(c *fiber.Ctx) (*view, error) {
	token := c.Params("token")
	inv, err := s.accounts.lookupInvitation(c.UserContext(), token)
	if err != nil {
		return nil, err
	}
	org := inv.Organisation
	path := "/invitations/" + token
	v := s.newView(c, path)
	v.Data = invitationData{OrgName: org.Name, OrgKind: org.Kind, Role: inv.Role, Email: inv.Email, Action: path}
	return v, nil
}

func (s *site) invitationFailed(c *fiber.Ctx, err error) error {
	if errors.Is(err, errs.NotFound) {
		return s.message(c, fiber.StatusNotFound, "ErrorInvitation")
	}
	return s.errorPage(c, err)
}

func (s *site) invitationForm(c *fiber.Ctx) error {
	s.peekSession(c)
	v, err := s.invitationView(c)
	if err != nil {
		return s.invitationFailed(c, err)
	}
	return s.render(c, fiber.StatusOK, "invitation", v)
}

// acceptInvitation creates the invitee's account and signs them in.
func (s *site) acceptInvitation(c *fiber.Ctx) error {
	v, err := s.invitationView(c)
	if err != nil {
		return s.invitationFailed(c, err)
	}
	formValues(c, v, "name")
	password := c.FormValue("password")
	acct, err := s.accounts.acceptInvitation(c.UserContext(), c.IP(), c.Params("token"), v.Val("name"), password)
	if errors.Is(err, errs.NotFound) {
		return s.invitationFailed(c, err)
	}
	if err != nil {
		return s.formFailed(c, v, "invitation", err)
	}
	return s.signInAndGoHome(c, acct.User.Email, password)
}
