package staff

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// Placements are the hires that introductions led to. Staff see their
// organisation's, active and ended, on /placements and on each
// candidate's page; they mark a placed candidate as still looking (who
// then stays on shortlists) and end a placement early, with its date and
// reason, after a confirmation.

// placementLine is one placement as a list shows it.
type placementLine struct {
	ID, IntroductionID, RoleTitle, Employer, Candidate string
	Alias, CandidateID                                 string
	Facts                                              string
	Started, Ended                                     string
	Active, StillLooking                               bool
}

// placementsPage is GET /placements.
type placementsPage struct {
	Active, Ended []placementLine
}

// placementURL is the address of a placement's form.
func placementURL(id string, sub ...string) string {
	u := "/placements/" + url.PathEscape(id)
	for _, s := range sub {
		u += "/" + s
	}
	return u
}

// listPlacements lists the organisation's placements with one status;
// with candidate set, only that candidate's.
func (p *Pages) listPlacements(c *fiber.Ctx, status api.PlacementStatus, candidate string) ([]api.Placement, error) {
	limit := introListLimit
	resp, err := p.kit.API.ListPlacementsWithResponse(kit.Ctx(c), &api.ListPlacementsParams{Status: &status, Limit: &limit, Candidate: optional(candidate)})
	if err != nil {
		return nil, err
	}
	items := slices.Clone(resp.JSON200.Items)
	slices.SortStableFunc(items, func(a, b api.Placement) int { return strings.Compare(b.StartDate, a.StartDate) })
	return items, nil
}

// placementLines names each placement's employer and candidate.
func (p *Pages) placementLines(c *fiber.Ctx, v *kit.View, items []api.Placement) []placementLine {
	var employers, aliases []string
	for _, pl := range items {
		employers, aliases = append(employers, pl.EmployerOrgID), append(aliases, pl.CandidateAlias)
	}
	orgs, people := p.employerNames(c, employers), p.candidateNames(c, aliases)
	out := make([]placementLine, 0, len(items))
	for _, pl := range items {
		facts := []string{v.T("StaffHoursPerWeek", "Count", pl.HoursPerWeek)}
		if slices.Contains(placementContracts, string(pl.Contract)) {
			facts = append([]string{v.T("StaffPlacementContract_" + string(pl.Contract))}, facts...)
		}
		l := placementLine{ID: pl.ID, IntroductionID: pl.IntroductionID, RoleTitle: roleTitle(v, pl.RoleTitle), Employer: orNamed(orgs[pl.EmployerOrgID], pl.EmployerName), Candidate: people[pl.CandidateAlias],
			Alias: pl.CandidateAlias, CandidateID: kit.Deref(pl.CandidateID), Facts: strings.Join(facts, " · "),
			Started: v.Date(pl.StartDate), Active: pl.Status == api.PlacementStatusActive, StillLooking: pl.StillLooking}
		if e := kit.Deref(pl.EndedOn); e != "" {
			l.Ended = v.T("StaffPlacementEndedOn", "Date", v.Date(e))
			if r := string(kit.Deref(pl.EndReason)); slices.Contains(endReasons, r) {
				l.Ended += " · " + v.T("StaffPlacementEnd_"+r)
			}
		}
		out = append(out, l)
	}
	return out
}

// Placements is GET /placements for programme staff.
func (p *Pages) Placements(c *fiber.Ctx) error {
	v := p.kit.NewView(c, "/placements")
	active, err := p.listPlacements(c, api.PlacementStatusActive, "")
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	ended, err := p.listPlacements(c, api.PlacementStatusEnded, "")
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	lines := p.placementLines(c, v, append(active, ended...))
	v.Data = &placementsPage{Active: lines[:len(active)], Ended: lines[len(active):]}
	return p.tmpl.Render(c, fiber.StatusOK, "staff_placements", v)
}

// backTo is where a placement's form returns: the candidate's page when
// it came from there, else the list.
func backTo(c *fiber.Ctx) string {
	if back := kit.FormText(c, "back"); strings.HasPrefix(back, "/candidates/") && !strings.Contains(back, "//") {
		return back
	}
	return "/placements"
}

// SetStillLooking is POST /placements/:id/still-looking.
func (p *Pages) SetStillLooking(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	looking := kit.FormText(c, "still_looking") == "true"
	_, err := p.kit.API.SetPlacementStillLookingWithResponse(kit.Ctx(c), id, api.SetPlacementStillLookingJSONRequestBody{StillLooking: looking})
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	if looking {
		kit.SetNotice(c, "StaffPlacementNoticeLooking", "")
	} else {
		kit.SetNotice(c, "StaffPlacementNoticeNotLooking", "")
	}
	return c.Redirect(backTo(c), fiber.StatusSeeOther)
}

// endPage is the form that ends a placement early.
type endPage struct {
	Placement placementLine
	Action    string
	Back      string
	Reasons   []kit.Choice
}

// EndPlacementForm is GET /placements/:id/end.
func (p *Pages) EndPlacementForm(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	v := p.kit.NewView(c, placementURL(id, "end"))
	v.Form["ended_on"] = time.Now().Format(time.DateOnly)
	return p.renderEnd(c, v, id, c.Query("back"), fiber.StatusOK)
}

// EndPlacement is POST /placements/:id/end: the date, the reason and the
// confirmation that ending makes the candidate available again.
func (p *Pages) EndPlacement(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	v := p.kit.NewView(c, placementURL(id, "end"))
	kit.FormValues(c, v, "ended_on", "reason")
	if _, err := time.Parse(time.DateOnly, v.Val("ended_on")); err != nil {
		v.AddError("ended_on", v.T("StaffPlacementErrDate"))
	}
	if !slices.Contains(endReasons, v.Val("reason")) {
		v.AddError("reason", v.T("StaffPlacementErrReason"))
	}
	if kit.FormText(c, "confirm") == "" {
		v.AddError("confirm", v.T("StaffPlacementErrConfirm"))
	}
	if len(v.Errors) > 0 {
		v.Alert = v.T("ErrCheckFields")
		return p.renderEnd(c, v, id, kit.FormText(c, "back"), fiber.StatusUnprocessableEntity)
	}
	_, err := p.kit.API.EndPlacementWithResponse(kit.Ctx(c), id, api.EndPlacementJSONRequestBody{EndedOn: v.Val("ended_on"), Reason: api.EndReason(v.Val("reason"))})
	var prob *kit.Problem
	switch {
	case err == nil:
		kit.SetNotice(c, "StaffPlacementNoticeEnded", "")
		return c.Redirect(backTo(c), fiber.StatusSeeOther)
	case errors.Is(err, errs.Conflict):
		v.Alert = v.T("StaffPlacementErrEnded")
		return p.renderEnd(c, v, id, kit.FormText(c, "back"), fiber.StatusConflict)
	case errors.As(err, &prob) && prob.Status == fiber.StatusBadRequest:
		v.Alert = v.T("ErrCheckFields")
		for _, fe := range prob.Errors {
			switch fe.Field {
			case "ended_on":
				v.AddError("ended_on", v.T("StaffPlacementErrDate"))
			case "reason":
				v.AddError("reason", v.T("StaffPlacementErrReason"))
			default:
				v.Alert = v.T("StaffErrUnexpected")
			}
		}
		return p.renderEnd(c, v, id, kit.FormText(c, "back"), fiber.StatusUnprocessableEntity)
	}
	return p.kit.ErrorPage(c, err)
}

// renderEnd reads the placement and draws the form to end it.
func (p *Pages) renderEnd(c *fiber.Ctx, v *kit.View, id, back string, status int) error {
	resp, err := p.kit.API.GetPlacementWithResponse(kit.Ctx(c), id)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	if !strings.HasPrefix(back, "/candidates/") || strings.Contains(back, "//") {
		back = "/placements"
	}
	lines := p.placementLines(c, v, []api.Placement{*resp.JSON200})
	v.Data = &endPage{Placement: lines[0], Action: placementURL(id, "end"), Back: back,
		Reasons: kit.Choices(v, "StaffPlacementEnd_", endReasons, v.Val("reason"))}
	return p.tmpl.Render(c, status, "staff_placement_end", v)
}
