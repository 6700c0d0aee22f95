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

// Follow-ups ask, 30, 90 and 180 days after a placement starts, whether
// the candidate is still working there. Staff answer their side's with
// yes or no and, for no, why work ended: a closed list that never asks
// anything about offences. Answering "no" ends the placement; the
// placements service does that.

// endReasons are why work ended ("StaffPlacementEnd_<reason>"), in the
// order the forms offer them.
var endReasons = []string{
	string(api.EndReasonContractEnded), string(api.EndReasonMovedJob), string(api.EndReasonLeft),
	string(api.EndReasonLetGo), string(api.EndReasonOther),
}

// followUpLine is one follow-up as a list shows it.
type followUpLine struct {
	ID, PlacementID, IntroductionID, RoleTitle string
	Candidate, Alias                           string
	Day                                        int
	Due                                        string
	Overdue, Answered                          bool
	// IsDue marks one due today or earlier, which the page asks to
	// answer now; later ones are listed as coming up.
	IsDue bool
	// Answer says what was answered, for an answered one.
	Answer  string
	Reasons []kit.Choice
}

// followUpPage is GET /followups: the open ones due now, overdue first,
// each with its form; those coming up later; those answered lately.
type followUpPage struct {
	Due, Upcoming, Answered []followUpLine
}

// followUps lists the organisation's open follow-ups (the staff's side),
// the oldest due first; with dueBefore set, only those due before it.
func (p *Pages) followUps(c *fiber.Ctx, dueBefore time.Time) ([]api.FollowUp, error) {
	status, limit := api.ListFollowUpsParamsStatusOpen, introListLimit
	params := &api.ListFollowUpsParams{Status: &status, Limit: &limit}
	if !dueBefore.IsZero() {
		params.DueBefore = kit.Ptr(dueBefore.Format(time.DateOnly))
	}
	return p.listFollowUps(c, params)
}

func (p *Pages) listFollowUps(c *fiber.Ctx, params *api.ListFollowUpsParams) ([]api.FollowUp, error) {
	resp, err := p.kit.API.ListFollowUpsWithResponse(kit.Ctx(c), params)
	if err != nil {
		return nil, err
	}
	items := slices.DeleteFunc(slices.Clone(resp.JSON200.Items), func(f api.FollowUp) bool { return f.Audience != api.PartySideProgramme })
	slices.SortStableFunc(items, func(a, b api.FollowUp) int { return strings.Compare(a.DueOn, b.DueOn) })
	return items, nil
}

// followUpLines names each follow-up's candidate.
func (p *Pages) followUpLines(c *fiber.Ctx, v *kit.View, items []api.FollowUp) []followUpLine {
	aliases := make([]string, 0, len(items))
	for _, f := range items {
		aliases = append(aliases, f.CandidateAlias)
	}
	people := p.candidateNames(c, aliases)
	today := time.Now().Format(time.DateOnly)
	out := make([]followUpLine, 0, len(items))
	for _, f := range items {
		l := followUpLine{ID: f.ID, PlacementID: f.PlacementID, IntroductionID: f.IntroductionID, IsDue: f.DueOn <= today, RoleTitle: roleTitle(v, f.RoleTitle), Candidate: people[f.CandidateAlias],
			Alias: f.CandidateAlias, Day: int(f.Day), Answered: f.Status == api.FollowUpStatusAnswered}
		switch {
		case l.Answered && kit.Deref(f.StillWorking):
			l.Answer = v.T("StaffFollowUpAnsweredYes")
		case l.Answered:
			l.Answer = v.T("StaffFollowUpAnsweredNo")
			if r := f.Reason; r != nil && slices.Contains(endReasons, string(*r)) {
				l.Answer += " " + v.T("StaffPlacementEnd_"+string(*r))
			}
		case f.Overdue || f.DueOn < today:
			l.Overdue, l.Due = true, v.T("StaffFollowUpOverdue", "Date", v.Date(f.DueOn))
		default:
			l.Due = v.T("StaffFollowUpDue", "Date", v.Date(f.DueOn))
		}
		l.Reasons = kit.Choices(v, "StaffPlacementEnd_", endReasons, v.Val("reason_"+f.ID))
		out = append(out, l)
	}
	return out
}

// FollowUps is GET /followups for programme staff.
func (p *Pages) FollowUps(c *fiber.Ctx) error {
	return p.renderFollowUps(c, p.kit.NewView(c, "/followups"), fiber.StatusOK)
}

func (p *Pages) renderFollowUps(c *fiber.Ctx, v *kit.View, status int) error {
	open, err := p.followUps(c, time.Time{})
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	answeredStatus, limit := api.ListFollowUpsParamsStatusAnswered, panelLimit*2
	answered, err := p.listFollowUps(c, &api.ListFollowUpsParams{Status: &answeredStatus, Limit: &limit})
	if err != nil {
		p.kit.LogFailure(c, "list answered follow-ups", err)
	}
	slices.Reverse(answered)
	lines := p.followUpLines(c, v, append(open, answered...))
	d := &followUpPage{Answered: lines[len(open):]}
	for _, l := range lines[:len(open)] {
		if l.IsDue {
			d.Due = append(d.Due, l)
		} else {
			d.Upcoming = append(d.Upcoming, l)
		}
	}
	v.Data = d
	return p.tmpl.Render(c, status, "staff_followups", v)
}

// AnswerFollowUp is POST /followups/:id: still working, yes or no, and
// why not.
func (p *Pages) AnswerFollowUp(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	v := p.kit.NewView(c, "/followups")
	working, reason := kit.FormText(c, "still_working"), kit.FormText(c, "reason")
	v.Form["still_working_"+id], v.Form["reason_"+id] = working, reason
	switch {
	case working != "yes" && working != "no":
		v.AddError("still_working_"+id, v.T("StaffFollowUpErrAnswer"))
	case working == "no" && !slices.Contains(endReasons, reason):
		v.AddError("reason_"+id, v.T("StaffFollowUpErrReason"))
	}
	if len(v.Errors) > 0 {
		v.Alert = v.T("ErrCheckFields")
		return p.renderFollowUps(c, v, fiber.StatusUnprocessableEntity)
	}
	in := api.AnswerFollowUpJSONRequestBody{StillWorking: working == "yes"}
	if working == "no" {
		in.Reason = kit.Ptr(api.EndReason(reason))
	}
	_, err := p.kit.API.AnswerFollowUpWithResponse(kit.Ctx(c), id, in)
	var prob *kit.Problem
	switch {
	case err == nil:
		kit.SetNotice(c, "StaffFollowUpNoticeSaved", "")
		return c.Redirect("/followups", fiber.StatusSeeOther)
	case errors.Is(err, errs.Conflict):
		v.Alert = v.T("StaffFollowUpErrAnswered")
		return p.renderFollowUps(c, v, fiber.StatusConflict)
	case errors.As(err, &prob) && prob.Status == fiber.StatusBadRequest:
		v.AddError("reason_"+id, v.T("StaffFollowUpErrReason"))
		v.Alert = v.T("ErrCheckFields")
		return p.renderFollowUps(c, v, fiber.StatusUnprocessableEntity)
	}
	return p.kit.ErrorPage(c, err)
}
