package site

import (
	"context"
	"net/http"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
)

// inviteRoles are the roles the organisation page invites to, in the
// order it offers them.
var inviteRoles = []string{roleMember, roleOrgAdmin}

// invite issues an invitation to the organisation the page shows: how a
// platform administrator gives an existing organisation a new
// administrator. The link is shown once, after the redirect; a refused
// form comes back with its errors and what was typed.
func (p *adminPages) invite(c *fiber.Ctx) error {
	sc := scopeOf(c)
	inv, err := p.api.invite(c.UserContext(), accessToken(c), sc.OrgID, c.FormValue("email"), c.FormValue("role"))
	if err != nil {
		v, _, verr := p.organisationView(c)
		if verr != nil {
			return p.failed(c, verr)
		}
		formValues(c, v, "email", "role")
		status, ok := formProblem(c, v, err)
		if !ok {
			return p.failed(c, err)
		}
		return p.render(c, status, "admin_organisation", v)
	}
	setAdminNotice(c, sc.Base, adminNotice{Kind: adminInvited, Subject: inv.ID, Link: p.publicURL + "/invitations/" + inv.Token})
	return c.Redirect(sc.Base, fiber.StatusSeeOther)
}

func (a adminClient) invite(ctx context.Context, token, orgID, email, role string) (api.Invitation, error) {
	var out api.Invitation
	err := a.send(ctx, token, "", http.MethodPost, orgPath(orgID)+"/invitations", map[string]string{"email": email, "role": role}, &out)
	return out, err
}
