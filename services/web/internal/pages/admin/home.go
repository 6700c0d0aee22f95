package admin

import (
	"html/template"
	"maps"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// programmeTypes are the kinds of programme organisation the form to add
// one offers, in its order.
var programmeTypes = []string{"social_enterprise", "detention_house", "transition_house", "probation_service"}

// homePanelData is the platform administrator's part of the home page: the
// way to the organisations, the form to add one and, once one is added,
// the form inviting its first administrator.
type homePanelData struct {
	// Created names the organisation just added, shown once.
	Created *kit.Flash
	// InviteOrg and InviteName are the organisation the invitation form
	// invites to: the one just added, or the one whose invitation was just
	// refused.
	InviteOrg, InviteName string
	InviteRoles           []string
	ProgTypes             []string
}

// HomePanel is a kit.Panel: the platform administrator's part of the home
// page, and nothing for anyone else. It reads the flash of the
// organisation just added and the form the home page shows again after a
// refusal.
func (p *Pages) HomePanel(c *fiber.Ctx, v *kit.View) (template.HTML, error) {
	if !kit.ActorOf(c).IsAdmin() {
		return "", nil
	}
	d := &homePanelData{InviteRoles: inviteRoles, ProgTypes: programmeTypes}
	if f := v.Flash; f != nil && f.Kind == kit.FlashOrganisation {
		d.Created, d.InviteOrg, d.InviteName = f, f.OrgID, f.OrgName
	} else if v.Val("org_id") != "" {
		// The invitation form came back refused, with what was typed.
		d.InviteOrg, d.InviteName = v.Val("org_id"), v.Val("org_label")
	}
	// The panel draws with its own data and defaults, on a copy of the
	// page's view, so the page's own parts are left as they were.
	pv := *v
	pv.Data, pv.Form = d, maps.Clone(v.Form)
	defaultValue(pv.Form, "kind", kit.KindProgramme)
	defaultValue(pv.Form, "role", kit.RoleOrgAdmin)
	return p.templates.Fragment("home_panel", "admin-home", &pv)
}

// defaultValue sets form[field] to value unless the user typed something.
func defaultValue(form map[string]string, field, value string) {
	if form[field] == "" {
		form[field] = value
	}
}

// CreateOrganisation lets a platform administrator add a programme, an
// observer (or an employer) organisation; the home page then offers to invite its first
// administrator. A refused form shows the home page again with the field
// errors and what was typed.
func (p *Pages) CreateOrganisation(c *fiber.Ctx) error {
	v := p.k.NewView(c, "/home")
	kit.FormValues(c, v, "org_name", "kind", "programme_type")
	resp, err := p.k.API.CreateOrganisationWithResponse(kit.Ctx(c), newOrganisationOf(v))
	if err != nil {
		err = errs.RenameField(kit.FieldProblem(err), "name", "org_name")
		status, ok := kit.FormProblem(c, v, err)
		if !ok {
			return p.failed(c, err)
		}
		return p.home(c, v, status)
	}
	org := resp.JSON201
	kit.SetFlash(c, &kit.Flash{Kind: kit.FlashOrganisation, OrgID: org.ID, OrgName: org.Name, OrgKind: string(org.Kind)})
	return c.Redirect("/home", fiber.StatusSeeOther)
}

// newOrganisationOf is the API's request for the form in v: only a
// programme organisation has a programme type, so the select's value is
// dropped for any other kind (the select stays on the form, which works
// without JavaScript).
func newOrganisationOf(v *kit.View) api.CreateOrganisationRequest {
	in := api.CreateOrganisationRequest{Name: v.Val("org_name"), Kind: api.CreateOrganisationRequestKind(v.Val("kind"))}
	if ptype := v.Val("programme_type"); ptype != "" && in.Kind == kit.KindProgramme {
		t := api.CreateOrganisationRequestProgrammeType(ptype)
		in.ProgrammeType = &t
	}
	return in
}
