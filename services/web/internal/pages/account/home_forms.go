package account

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// CreateOrganisation is POST /home/organisations: an administrator adds a
// programme (or employer) organisation, and the home page then offers to
// invite its first administrator. The form itself is the administrator's
// panel's; a refused form comes back on the whole home page, which only
// this package draws.
func (p *Pages) CreateOrganisation(c *fiber.Ctx) error {
	v, h, err := p.homeView(c)
	if err != nil {
		return p.homeFailed(c, err)
	}
	kit.FormValues(c, v, "org_name", "kind", "programme_type")
	resp, err := p.kit.API.CreateOrganisationWithResponse(kit.Ctx(c), organisationRequestOf(v))
	if err != nil {
		return p.homeFormFailed(c, v, h, errs.RenameField(kit.FieldProblem(err), "name", "org_name"))
	}
	org := resp.JSON201
	kit.SetFlash(c, &kit.Flash{Kind: kit.FlashOrganisation, OrgID: org.ID, OrgName: org.Name, OrgKind: string(org.Kind)})
	return c.Redirect("/home", fiber.StatusSeeOther)
}

// organisationRequestOf reads the create-organisation form; an employer
// has no programme type.
func organisationRequestOf(v *kit.View) api.CreateOrganisationRequest {
	in := api.CreateOrganisationRequest{Name: v.Val("org_name"), Kind: api.CreateOrganisationRequestKind(v.Val("kind"))}
	if ptype := v.Val("programme_type"); ptype != "" && in.Kind != kit.KindEmployer {
		t := api.CreateOrganisationRequestProgrammeType(ptype)
		in.ProgrammeType = &t
	}
	return in
}

// Invite is POST /home/invitations: it issues an invitation to the posted
// organisation (an administrator's choice) or to the inviter's own, and
// shows its link once.
func (p *Pages) Invite(c *fiber.Ctx) error {
	v, h, err := p.homeView(c)
	if err != nil {
		return p.homeFailed(c, err)
	}
	kit.FormValues(c, v, "email", "role", "org_id", "org_label")
	orgID := h.OrgID
	if h.IsAdmin() {
		orgID, h.InviteOrg, h.InviteName = v.Val("org_id"), v.Val("org_id"), v.Val("org_label")
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
		Kind: kit.FlashInvitation, OrgName: h.InviteName, Email: v.Val("email"), Role: v.Val("role"),
		Link: p.kit.PublicURL + "/invitations/" + resp.JSON201.Token,
	})
	return c.Redirect("/home", fiber.StatusSeeOther)
}
