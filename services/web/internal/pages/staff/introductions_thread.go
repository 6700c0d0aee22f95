package staff

import (
	"errors"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// After acceptance the employer and the candidate's staff write to each
// other on the request's page, and either side records how the meeting
// went, once: hired (which starts a placement), not hired and why, or
// that it did not take place.

// PostIntroductionMessage is POST /introductions/:id/messages.
func (p *Pages) PostIntroductionMessage(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	v := p.kit.NewView(c, introductionURL(id))
	kit.FormValues(c, v, "text")
	if n := utf8.RuneCountInString(v.Val("text")); n < 1 || n > maxMessage {
		v.AddError("text", v.T("StaffIntroErrText", "Max", maxMessage))
		v.Alert = v.T("ErrCheckFields")
		return p.renderIntroduction(c, v, id, fiber.StatusUnprocessableEntity)
	}
	_, err := p.kit.API.PostIntroductionMessageWithResponse(kit.Ctx(c), id, api.PostIntroductionMessageJSONRequestBody{Text: v.Val("text")})
	var prob *kit.Problem
	switch {
	case err == nil:
		kit.SetNotice(c, "StaffIntroNoticeSent", "")
		return c.Redirect(introductionURL(id)+"#thread", fiber.StatusSeeOther)
	case errors.Is(err, errs.Conflict):
		return p.answerRefused(c, v, id, "StaffIntroErrThreadClosed", fiber.StatusConflict)
	case errors.As(err, &prob) && prob.Status == fiber.StatusBadRequest:
		v.AddError("text", v.T("StaffIntroErrText", "Max", maxMessage))
		v.Alert = v.T("ErrCheckFields")
		return p.renderIntroduction(c, v, id, fiber.StatusUnprocessableEntity)
	}
	return p.kit.ErrorPage(c, err)
}

// outcomeFields map the API's field names to the outcome form's.
var outcomeFields = map[string]struct{ field, msg string }{
	"outcome":                  {"outcome", "StaffIntroErrOutcome"},
	"reason":                   {"not_hired_reason", "StaffIntroErrNotHired"},
	"placement.start_date":     {"start_date", "StaffIntroErrStartDate"},
	"placement.contract":       {"contract", "StaffIntroErrContract"},
	"placement.hours_per_week": {"hours_per_week", "StaffIntroErrHours"},
	"placement":                {"start_date", "StaffIntroErrStartDate"},
}

// RecordOutcome is POST /introductions/:id/outcome: how the meeting went.
// Hired starts a placement, whose page comes next.
func (p *Pages) RecordOutcome(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	v := p.kit.NewView(c, introductionURL(id))
	kit.FormValues(c, v, "outcome", "not_hired_reason", "start_date", "contract", "hours_per_week")
	in := checkOutcome(v)
	if len(v.Errors) > 0 {
		v.Alert = v.T("ErrCheckFields")
		return p.renderIntroduction(c, v, id, fiber.StatusUnprocessableEntity)
	}
	_, err := p.kit.API.RecordMeetingOutcomeWithResponse(kit.Ctx(c), id, in)
	var prob *kit.Problem
	switch {
	case err == nil && in.Outcome == api.MeetingOutcomeKindHired:
		kit.SetNotice(c, "StaffIntroNoticeHired", "")
		return c.Redirect("/placements", fiber.StatusSeeOther)
	case err == nil:
		kit.SetNotice(c, "StaffIntroNoticeOutcome", "")
		return c.Redirect(introductionURL(id), fiber.StatusSeeOther)
	case errors.Is(err, errs.Conflict):
		return p.answerRefused(c, v, id, "StaffIntroErrOutcomeTaken", fiber.StatusConflict)
	case errors.As(err, &prob) && prob.Status == fiber.StatusBadRequest:
		v.Alert = v.T("ErrCheckFields")
		for _, fe := range prob.Errors {
			if m, ok := outcomeFields[fe.Field]; ok {
				v.AddError(m.field, v.T(m.msg, "Max", 60))
			} else {
				v.Alert = v.T("StaffErrUnexpected")
			}
		}
		return p.renderIntroduction(c, v, id, fiber.StatusUnprocessableEntity)
	}
	return p.kit.ErrorPage(c, err)
}

// checkOutcome reads the outcome form, putting its problems beside their
// fields.
func checkOutcome(v *kit.View) api.RecordMeetingOutcomeJSONRequestBody {
	in := api.RecordMeetingOutcomeJSONRequestBody{Outcome: api.MeetingOutcomeKind(v.Val("outcome"))}
	switch in.Outcome {
	case api.MeetingOutcomeKindHired:
		if _, err := time.Parse(time.DateOnly, v.Val("start_date")); err != nil {
			v.AddError("start_date", v.T("StaffIntroErrStartDate"))
		}
		if !slices.Contains(placementContracts, v.Val("contract")) {
			v.AddError("contract", v.T("StaffIntroErrContract"))
		}
		hours := hoursText(v.Val("hours_per_week"))
		if hours < 1 || hours > 60 {
			v.AddError("hours_per_week", v.T("StaffIntroErrHours", "Max", 60))
		}
		in.Placement = &api.PlacementInput{StartDate: v.Val("start_date"), Contract: api.ContractKind(v.Val("contract")), HoursPerWeek: hours}
	case api.MeetingOutcomeKindNotHired:
		if !slices.Contains(notHiredReasons, v.Val("not_hired_reason")) {
			v.AddError("not_hired_reason", v.T("StaffIntroErrNotHired"))
		}
		in.Reason = kit.Ptr(api.NotHiredReason(v.Val("not_hired_reason")))
	case api.MeetingOutcomeKindDidNotTakePlace:
	default:
		v.AddError("outcome", v.T("StaffIntroErrOutcome"))
	}
	return in
}
