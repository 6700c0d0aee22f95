package staff

import (
	"errors"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// Answering a request: staff accept it with the candidate's agreement or
// decline it. Accepting discloses the candidate's name, and the phone
// number and e-mail address the candidate agrees to, to the employer for
// this role; so before it is saved a confirmation step says exactly what
// goes to whom. Declining keeps its reason for the programme: the
// employer sees only "declined".

// confirmPage is the confirmation step of an acceptance.
type confirmPage struct {
	ID, Action, RoleTitle, Employer string
	Lines                           []reviewLine
	Contact                         string
	// Hidden carries the answer to the final POST.
	ConsentVersion string
	Disclose       []string
	ContactRoute   string
}

// AnswerIntroduction is POST /introductions/:id/answer. An acceptance
// first shows what will be disclosed and is saved only from that step
// ("confirmed"); "change" goes back to the form with the answer kept.
func (p *Pages) AnswerIntroduction(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	v := p.kit.NewView(c, introductionURL(id))
	kit.FormValues(c, v, "answer", "contact", "decline_reason", "consent", "consent_text_version")
	disclose := slices.DeleteFunc(kit.FormList(c, "disclose"), func(f string) bool {
		return f != string(api.DisclosedFieldPhone) && f != string(api.DisclosedFieldEmail)
	})
	for _, f := range disclose {
		v.Form["disclose_"+f] = "1"
	}
	d, err := p.loadIntroduction(c, v, id)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	if d.Status != string(api.IntroductionStatusRequested) {
		v.Alert = v.T("StaffIntroErrNotOpen")
		return p.renderLoaded(c, v, d, fiber.StatusConflict)
	}
	if kit.FormText(c, "change") != "" {
		return p.renderLoaded(c, v, d, fiber.StatusOK)
	}
	checkAnswer(v, d, disclose)
	if len(v.Errors) > 0 {
		v.Alert = v.T("ErrCheckFields")
		return p.renderLoaded(c, v, d, fiber.StatusUnprocessableEntity)
	}
	accept := v.Val("answer") == "accept"
	if accept && kit.FormText(c, "confirmed") == "" {
		return p.renderConfirm(c, v, d, disclose)
	}
	in := api.AnswerIntroductionJSONRequestBody{Accept: accept}
	if accept {
		fields := make([]api.DisclosedField, 0, len(disclose))
		for _, f := range disclose {
			fields = append(fields, api.DisclosedField(f))
		}
		in.Disclose, in.Contact = &fields, kit.Ptr(api.ContactRoute(v.Val("contact")))
		in.ConsentTextVersion = kit.Ptr(v.Val("consent_text_version"))
	} else {
		in.DeclineReason = kit.Ptr(api.DeclineReason(v.Val("decline_reason")))
	}
	_, err = p.kit.API.AnswerIntroductionWithResponse(kit.Ctx(c), id, in)
	var prob *kit.Problem
	switch {
	case err == nil && accept:
		kit.SetNotice(c, "StaffIntroNoticeAccepted", "")
		return c.Redirect(introductionURL(id), fiber.StatusSeeOther)
	case err == nil:
		kit.SetNotice(c, "StaffIntroNoticeDeclined", "")
		return c.Redirect("/introductions", fiber.StatusSeeOther)
	case errors.Is(err, errs.Conflict):
		return p.answerRefused(c, v, id, "StaffIntroErrNotOpen", fiber.StatusConflict)
	case errors.As(err, &prob) && prob.Status == fiber.StatusBadRequest:
		v.Alert = v.T("ErrCheckFields")
		for _, fe := range prob.Errors {
			switch formField(fe.Field) {
			case "disclose":
				v.AddError("disclose", v.T("StaffIntroErrDisclose"))
			case "consent_text_version":
				v.Alert = v.T("StaffIntroErrConsentText")
				v.Form["consent"] = ""
			case "decline_reason":
				v.AddError("decline_reason", v.T("StaffIntroErrDeclineReason"))
			case "contact":
				v.AddError("contact", v.T("StaffIntroErrContact"))
			default:
				v.Alert = v.T("StaffErrUnexpected")
			}
		}
		return p.answerRefused(c, v, id, "", fiber.StatusUnprocessableEntity)
	}
	return p.kit.ErrorPage(c, err)
}

// checkAnswer puts the form's own problems beside their fields: an answer
// chosen; for an acceptance the candidate's agreement, a way of contact
// and only contact details the candidate has; for a refusal its reason.
func checkAnswer(v *kit.View, d *introPage, disclose []string) {
	switch v.Val("answer") {
	case "accept":
		if d.ConsentMissing || v.Val("consent_text_version") == "" {
			v.AddError("consent", v.T("StaffIntroErrConsentText"))
		} else if v.Val("consent") != "1" {
			v.AddError("consent", v.T("StaffIntroErrConsent"))
		}
		if (slices.Contains(disclose, "phone") && d.Candidate.Phone == "") || (slices.Contains(disclose, "email") && d.Candidate.Email == "") {
			v.AddError("disclose", v.T("StaffIntroErrDisclose"))
		}
		if !slices.Contains(contactRoutes, v.Val("contact")) {
			v.AddError("contact", v.T("StaffIntroErrContact"))
		}
	case "decline":
		if !slices.Contains(declineReasons, v.Val("decline_reason")) {
			v.AddError("decline_reason", v.T("StaffIntroErrDeclineReason"))
		}
	default:
		v.AddError("answer", v.T("StaffIntroErrAnswer"))
	}
}

// answerRefused draws the request again as it is now, with the API's
// reason.
func (p *Pages) answerRefused(c *fiber.Ctx, v *kit.View, id, alertID string, status int) error {
	if alertID != "" {
		v.Alert = v.T(alertID)
	}
	return p.renderIntroduction(c, v, id, status)
}

// renderLoaded draws a request already read.
func (p *Pages) renderLoaded(c *fiber.Ctx, v *kit.View, d *introPage, status int) error {
	v.Data = d
	return p.tmpl.Render(c, status, "staff_introduction", v)
}

// renderConfirm draws the confirmation step: exactly what will be
// disclosed, to which employer, for which role, and how they will make
// contact.
func (p *Pages) renderConfirm(c *fiber.Ctx, v *kit.View, d *introPage, disclose []string) error {
	fields := make([]api.DisclosedField, 0, len(disclose))
	for _, f := range disclose {
		fields = append(fields, api.DisclosedField(f))
	}
	employer := d.Employer.Name
	if employer == "" {
		employer = v.T("StaffIntroEmployerSide")
	}
	v.Data = &confirmPage{
		ID: d.ID, Action: d.Action, RoleTitle: d.RoleTitle, Employer: employer,
		Lines: disclosedLines(v, d.Candidate, fields), Contact: v.T("StaffIntroContactWill_" + v.Val("contact")),
		ConsentVersion: v.Val("consent_text_version"), Disclose: disclose, ContactRoute: v.Val("contact"),
	}
	return p.tmpl.Render(c, fiber.StatusOK, "staff_introduction_confirm", v)
}
