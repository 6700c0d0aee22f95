package staff

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// A candidate's page shows their placements and what was disclosed about
// them: to which employer, for which role, which fields and when. Staff
// may withdraw a disclosure after a confirmation; the employer can then
// no longer read it.

// candidateWork is the candidate page's placements and disclosures.
type candidateWork struct {
	Placements  []placementLine
	Disclosures []disclosureLine
	// DisclosuresFailed says the disclosures could not be read.
	DisclosuresFailed bool
}

// disclosureLine is one disclosure grant.
type disclosureLine struct {
	ID, Employer, RoleTitle, Fields, Contact, GrantedOn, WithdrawnOn string
	Active                                                           bool
}

// candidateWork reads the candidate's placements and disclosures; nil
// when the placements service is not deployed and nothing was disclosed.
func (p *Pages) candidateWork(c *fiber.Ctx, v *kit.View, id string) *candidateWork {
	w := &candidateWork{}
	var all []api.Placement
	for _, st := range []api.PlacementStatus{api.PlacementStatusActive, api.PlacementStatusEnded} {
		items, err := p.listPlacements(c, st, id)
		if err != nil {
			if !errors.Is(err, errs.Unavailable) {
				p.kit.LogFailure(c, "list placements", err)
			}
			break
		}
		all = append(all, items...)
	}
	w.Placements = p.placementLines(c, v, all)
	grants, err := p.disclosures(c, id)
	if err != nil {
		p.kit.LogFailure(c, "list disclosures", err)
		w.DisclosuresFailed = true
	}
	w.Disclosures = p.disclosureLines(c, v, grants)
	return w
}

// disclosures lists the candidate's disclosure grants, the latest first.
func (p *Pages) disclosures(c *fiber.Ctx, candidateID string) ([]api.DisclosureGrant, error) {
	resp, err := p.kit.API.ListCandidateDisclosuresWithResponse(kit.Ctx(c), candidateID)
	if err != nil {
		return nil, err
	}
	items := slices.Clone(resp.JSON200.Items)
	slices.SortStableFunc(items, func(a, b api.DisclosureGrant) int { return b.GrantedAt.Compare(a.GrantedAt) })
	return items, nil
}

// disclosureLines names each grant's employer, role and fields.
func (p *Pages) disclosureLines(c *fiber.Ctx, v *kit.View, grants []api.DisclosureGrant) []disclosureLine {
	employers := make([]string, 0, len(grants))
	for _, g := range grants {
		employers = append(employers, g.EmployerOrgID)
	}
	orgs := p.employerNames(c, employers)
	titles := map[string]string{}
	out := make([]disclosureLine, 0, len(grants))
	for _, g := range grants {
		if _, ok := titles[g.RoleID]; !ok && len(titles) < maxNameLookups {
			titles[g.RoleID] = ""
			if resp, err := p.kit.API.GetRoleWithResponse(kit.Ctx(c), g.RoleID); err == nil {
				titles[g.RoleID] = resp.JSON200.Title
			}
		}
		var fields []string
		for _, f := range g.Fields {
			if label := v.TOr("StaffIntroField_"+string(f), ""); label != "" && slices.Contains([]string{"name", "phone", "email"}, string(f)) {
				fields = append(fields, label)
			}
		}
		l := disclosureLine{ID: g.ID, Employer: orgs[g.EmployerOrgID], RoleTitle: titles[g.RoleID], Fields: strings.Join(fields, ", "),
			GrantedOn: v.Date(g.GrantedAt.Format(time.RFC3339)), Active: g.Status == api.DisclosureStatusActive}
		if l.RoleTitle == "" {
			l.RoleTitle = v.T("StaffIntroRoleUnnamed")
		}
		if l.Employer == "" {
			l.Employer = p.introEmployerName(c, g.IntroductionID)
		}
		if l.Employer == "" {
			l.Employer = v.T("StaffIntroEmployerSide")
		}
		if slices.Contains(contactRoutes, string(g.Contact)) {
			l.Contact = v.T("StaffIntroContact_" + string(g.Contact))
		}
		if at := g.WithdrawnAt; at != nil {
			l.WithdrawnOn = v.Date(at.Format(time.RFC3339))
		}
		out = append(out, l)
	}
	return out
}

// withdrawPage is the confirmation to withdraw a disclosure.
type withdrawPage struct {
	CandidateID, Name, Alias, Action string
	Disclosure                       disclosureLine
}

// WithdrawDisclosureForm is GET /candidates/:id/disclosures/:did/withdraw.
func (p *Pages) WithdrawDisclosureForm(c *fiber.Ctx) error {
	id, did := strings.Clone(c.Params("id")), strings.Clone(c.Params("did"))
	v := p.kit.NewView(c, candidateURL(id, "disclosures", did, "withdraw"))
	return p.renderWithdraw(c, v, id, did, fiber.StatusOK)
}

// WithdrawDisclosure is POST /candidates/:id/disclosures/:did/withdraw.
func (p *Pages) WithdrawDisclosure(c *fiber.Ctx) error {
	id, did := strings.Clone(c.Params("id")), strings.Clone(c.Params("did"))
	v := p.kit.NewView(c, candidateURL(id, "disclosures", did, "withdraw"))
	if kit.FormText(c, "confirm") == "" {
		v.AddError("confirm", v.T("StaffDisclosureErrConfirm"))
		v.Alert = v.T("ErrCheckFields")
		return p.renderWithdraw(c, v, id, did, fiber.StatusUnprocessableEntity)
	}
	if _, err := p.kit.API.WithdrawDisclosureWithResponse(kit.Ctx(c), did); err != nil {
		if errors.Is(err, errs.Conflict) {
			v.Alert = v.T("StaffDisclosureErrWithdrawn")
			return p.renderWithdraw(c, v, id, did, fiber.StatusConflict)
		}
		return p.kit.ErrorPage(c, err)
	}
	kit.SetNotice(c, "StaffDisclosureNoticeWithdrawn", "")
	return c.Redirect(candidateURL(id)+"#disclosures", fiber.StatusSeeOther)
}

// renderWithdraw reads the candidate and the grant and draws the
// confirmation; a grant that is not the candidate's is the 404 page.
func (p *Pages) renderWithdraw(c *fiber.Ctx, v *kit.View, id, did string, status int) error {
	k, err := p.candidate(c, id)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	grants, err := p.disclosures(c, id)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	i := slices.IndexFunc(grants, func(g api.DisclosureGrant) bool { return g.ID == did })
	if i < 0 {
		return p.kit.ErrorPage(c, errs.NotFound)
	}
	v.Data = &withdrawPage{CandidateID: k.ID, Name: displayName(k), Alias: k.Alias, Action: candidateURL(id, "disclosures", did, "withdraw"),
		Disclosure: p.disclosureLines(c, v, grants[i:i+1])[0]}
	return p.tmpl.Render(c, status, "staff_disclosure_withdraw", v)
}

// introEmployerName is the employer organisation's name a grant's
// introduction carries, for an employer without a profile yet; empty
// when the introduction cannot be read.
func (p *Pages) introEmployerName(c *fiber.Ctx, introID string) string {
	if introID == "" {
		return ""
	}
	resp, err := p.kit.API.GetIntroductionWithResponse(kit.Ctx(c), introID)
	if err != nil {
		if !errors.Is(err, errs.NotFound) {
			p.kit.LogFailure(c, "get introduction", err)
		}
		return ""
	}
	return kit.Deref(resp.JSON200.EmployerName)
}
