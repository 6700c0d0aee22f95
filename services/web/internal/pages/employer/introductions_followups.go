package employer

import (
	"errors"
	"net/url"
	"slices"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// The employer's follow-ups: 30, 90 and 180 days after a hire starts, one
// light question, "is this person still working with you?", and why not
// when not (the placement end reasons; never anything about offences).
// The candidate's staff get their own, fuller question.

// endReasons are why work ended, as the API names them.
var endReasons = []string{"contract_ended", "moved_job", "left", "let_go", "other"}

// followUpsView is introductions_followups.html.
type followUpsView struct {
	Due, Upcoming []followUpItem
	MoreHref      string
	// ErrorFor is the follow-up whose answer was refused: its form shows
	// the errors and what was chosen.
	ErrorFor string
}

// followUpItem is one follow-up.
type followUpItem struct {
	ID, Alias, RoleTitle, IntroductionID string
	Day                                  int
	DueOn                                string
	Overdue                              bool
	Reasons                              []kit.Choice
}

// FollowUps is GET /followups for an employer: its open follow-ups, those
// due first with their question, then those still to come.
func (p *Pages) FollowUps(c *fiber.Ctx) error {
	v := p.kit.NewView(c, "/followups")
	return p.renderFollowUps(c, v, &followUpsView{}, fiber.StatusOK)
}

func (p *Pages) renderFollowUps(c *fiber.Ctx, v *kit.View, d *followUpsView, status int) error {
	q := &api.ListFollowUpsParams{Status: kit.Ptr(api.ListFollowUpsParamsStatusOpen), Limit: kit.Ptr(introPageSize)}
	if cursor := c.Query("cursor"); cursor != "" {
		q.Cursor = &cursor
	}
	resp, err := p.kit.API.ListFollowUpsWithResponse(kit.Ctx(c), q)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	today := time.Now().In(localZone).Format(time.DateOnly)
	for _, f := range resp.JSON200.Items {
		it := followUpItem{ID: f.ID, Alias: f.CandidateAlias, RoleTitle: kit.Deref(f.RoleTitle), IntroductionID: f.IntroductionID,
			Day: int(f.Day), DueOn: v.Date(f.DueOn), Overdue: f.Overdue}
		chosen := ""
		if d.ErrorFor == f.ID {
			chosen = v.Form["reason"]
		}
		it.Reasons = kit.Choices(v, "EmpEndReason_", endReasons, chosen)
		if f.DueOn <= today || f.Overdue || d.ErrorFor == f.ID {
			d.Due = append(d.Due, it)
		} else {
			d.Upcoming = append(d.Upcoming, it)
		}
	}
	if next := kit.Deref(resp.JSON200.NextCursor); next != "" {
		d.MoreHref = "/followups?" + url.Values{"cursor": {next}}.Encode()
	}
	v.Data = d
	return p.templates.Render(c, status, "introductions_followups", v)
}

// AnswerFollowUp is POST /followups/:id for an employer.
func (p *Pages) AnswerFollowUp(c *fiber.Ctx) error {
	id := c.Params("id")
	v := p.kit.NewView(c, "/followups")
	kit.FormValues(c, v, "still_working", "reason")
	d := &followUpsView{ErrorFor: id}
	in := api.AnswerFollowUpJSONRequestBody{StillWorking: v.Form["still_working"] == "yes"}
	switch v.Form["still_working"] {
	case "yes":
	case "no":
		if !slices.Contains(endReasons, v.Form["reason"]) {
			v.AddError("reason", v.T("EmpFollowUpErrReason"))
		}
		r := api.EndReason(v.Form["reason"])
		in.Reason = &r
	default:
		v.AddError("still_working", v.T("EmpFollowUpErrChoose"))
	}
	if len(v.Errors) > 0 {
		v.Alert = v.T("ErrCheckFields")
		return p.renderFollowUps(c, v, d, fiber.StatusUnprocessableEntity)
	}
	_, err := p.kit.API.AnswerFollowUpWithResponse(kit.Ctx(c), id, in)
	var pr *kit.Problem
	switch {
	case err == nil:
		kit.SetNotice(c, "EmpFollowUpNoticeThanks", "")
		return c.Redirect("/followups", fiber.StatusSeeOther)
	case errors.As(err, &pr) && pr.Status == fiber.StatusConflict:
		kit.SetNotice(c, "EmpFollowUpNoticeAlready", "")
		return c.Redirect("/followups", fiber.StatusSeeOther)
	case errors.As(err, &pr) && pr.Status == fiber.StatusBadRequest:
		v.AddError("reason", v.T("EmpFollowUpErrReason"))
		v.Alert = v.T("ErrCheckFields")
		return p.renderFollowUps(c, v, d, fiber.StatusUnprocessableEntity)
	}
	return p.kit.ErrorPage(c, err)
}
