package account

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// Invite is POST /home/invitations: it issues an invitation to the posted
// organisation (a platform administrator's, from their panel) or to the
// inviter's own, and shows its link once. A refused form comes back on
// the home page, where the administrator's panel draws its form again
// from v.
func (p *Pages) Invite(c *fiber.Ctx) error {
	v := p.kit.NewView(c, "/home")
	h, err := p.loadHome(c, v)
	if err != nil {
		return p.homeFailed(c, err)
	}
	kit.FormValues(c, v, "email", "role", "org_id", "org_label")
	// A platform administrator invites the first administrator of the
	// organisation their panel names; anyone else, to their own.
	orgID, orgName := h.OrgID, h.OrgName
	if h.IsAdmin() {
		orgID, orgName = v.Val("org_id"), v.Val("org_label")
	}
	if orgID == "" {
		// No organisation to invite to: a tampered form, or an account
		// without one.
		return p.kit.ErrorPage(c, errs.NotFound)
	}
	resp, err := p.kit.API.InviteMemberWithResponse(kit.Ctx(c), orgID,
		api.InviteRequest{Email: v.Val("email"), Role: api.InviteRequestRole(v.Val("role"))})
	if err != nil {
		return p.homeFormFailed(c, v, h, err)
	}
	kit.SetFlash(c, &kit.Flash{
		Kind: kit.FlashInvitation, OrgName: orgName, Email: v.Val("email"), Role: v.Val("role"),
		Link: p.kit.PublicURL + "/invitations/" + resp.JSON201.Token,
	})
	return c.Redirect("/home", fiber.StatusSeeOther)
}
