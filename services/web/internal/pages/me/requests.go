package me

import (
	"errors"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// Requests to meet the candidate: the list, one request with the answer
// form, and taking their name back afterwards. The answer is the one staff
// give for them (the same body, the same consent text and version): yes
// shares their name, and the phone number or e-mail address they tick,
// with this employer for this job; no keeps its reason for their staff.

// requestsPage is /me/requests.
type requestsPage struct{ Items []requestLine }

// requestLine is one request in the list.
type requestLine struct {
	ID, Title, Employer, Status, StatusClass, When string
}

// requestPage is /me/requests/:id.
type requestPage struct {
	requestLine
	Message, Expires, DisclosureID string
	Open, Accepted                 bool
	Phone, Email                   string
	Text                           kit.ConsentText
	Reasons                        []string
}

// declineReasons are the reasons a candidate may give, as the API spells
// them; each is worded by MeDecline_<reason>.
var declineReasons = []string{
	string(api.DeclineReasonNotInterested), string(api.DeclineReasonNotNow), string(api.DeclineReasonTravel),
	string(api.DeclineReasonRoleUnsuitable), string(api.DeclineReasonOther),
}

// lineOf words one request.
func lineOf(v *kit.View, in api.Introduction) requestLine {
	l := requestLine{ID: in.ID, Title: kit.Deref(in.RoleTitle), Employer: kit.Deref(in.EmployerName),
		Status: v.T("MeRequestStatus_" + string(in.Status)), When: v.DateTime(in.RequestedAt)}
	if l.Title == "" {
		l.Title = v.T("MeRequestAJob")
	}
	switch in.Status {
	case api.IntroductionStatusRequested:
		l.StatusClass = "status-draft"
	case api.IntroductionStatusAccepted:
	default:
		l.StatusClass = "status-closed"
	}
	return l
}

// Requests is GET /me/requests.
func (p *Pages) Requests(c *fiber.Ctx) error {
	resp, err := p.k.API.ListIntroductionsWithResponse(kit.Ctx(c), &api.ListIntroductionsParams{Limit: kit.Ptr(50)})
	if err != nil {
		return p.k.ErrorPage(c, err)
	}
	v := p.k.NewView(c, "/me/requests")
	d := &requestsPage{}
	for _, in := range resp.JSON200.Items {
		d.Items = append(d.Items, lineOf(v, in))
	}
	v.Data = d
	return p.tmpl.Render(c, fiber.StatusOK, "me_requests", v)
}

// Request is GET /me/requests/:id.
func (p *Pages) Request(c *fiber.Ctx) error {
	return p.showRequest(c, fiber.StatusOK, nil)
}

// showRequest draws one request, with the answer form while it is open;
// prepare may put errors and the typed answer on the view.
func (p *Pages) showRequest(c *fiber.Ctx, status int, prepare func(v *kit.View)) error {
	id := strings.Clone(c.Params("id"))
	resp, err := p.k.API.GetIntroductionWithResponse(kit.Ctx(c), id)
	if err != nil {
		return p.k.ErrorPage(c, err)
	}
	in := *resp.JSON200
	v := p.k.NewView(c, "/me/requests/"+id)
	d := &requestPage{requestLine: lineOf(v, in), Message: kit.Deref(in.Message), Expires: v.DateTime(in.ExpiresAt),
		Open: in.Status == api.IntroductionStatusRequested, Accepted: in.Status == api.IntroductionStatusAccepted,
		DisclosureID: kit.Deref(in.DisclosureID), Reasons: declineReasons}
	if d.Open {
		k, text, err := p.recordAndText(c, v)
		if err != nil {
			return p.k.ErrorPage(c, err)
		}
		d.Phone, d.Email, d.Text = kit.Deref(k.Phone), kit.Deref(k.Email), text
	}
	if prepare != nil {
		prepare(v)
	}
	v.Data = d
	return p.tmpl.Render(c, status, "me_request", v)
}

// Answer is POST /me/requests/:id/answer: yes (with the consent ticked,
// the text's version, how the employer gets in touch and what else is
// shared) or no (with a reason).
func (p *Pages) Answer(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	answer := kit.FormText(c, "answer")
	in := api.AnswerIntroductionJSONRequestBody{Accept: answer == "accept"}
	problems := map[string]string{}
	switch answer {
	case "accept":
		if kit.FormText(c, "consent") == "" {
			problems["consent"] = "MeRequestErrConsent"
		}
		contact := kit.FormText(c, "contact")
		if contact != string(api.ContactRouteDirect) && contact != string(api.ContactRouteThroughStaff) {
			problems["contact"] = "MeRequestErrContact"
		}
		fields := []api.DisclosedField{}
		for _, f := range kit.FormList(c, "disclose") {
			if f == string(api.DisclosedFieldPhone) || f == string(api.DisclosedFieldEmail) {
				fields = append(fields, api.DisclosedField(f))
			}
		}
		in.Disclose, in.Contact, in.ConsentTextVersion = &fields, kit.Ptr(api.ContactRoute(contact)), kit.Ptr(kit.FormText(c, "text_version"))
	case "decline":
		reason := kit.FormText(c, "decline_reason")
		if !slices.Contains(declineReasons, reason) {
			problems["decline_reason"] = "MeRequestErrReason"
		}
		in.DeclineReason = kit.Ptr(api.DeclineReason(reason))
	default:
		return c.Redirect("/me/requests/"+id, fiber.StatusSeeOther)
	}
	if len(problems) == 0 {
		_, err := p.k.API.AnswerIntroductionWithResponse(kit.Ctx(c), id, in)
		var prob *kit.Problem
		switch {
		case err == nil:
			kit.SetNotice(c, "MeNoticeAnswered_"+answer, "")
			return c.Redirect("/me/requests/"+id, fiber.StatusSeeOther)
		case errors.Is(err, errs.Conflict):
			return p.showRequest(c, fiber.StatusConflict, func(v *kit.View) { v.Alert = v.T("MeRequestErrClosed") })
		case errors.As(err, &prob) && prob.Status == fiber.StatusBadRequest:
			problems["consent"] = "MeRequestErrChanged"
		default:
			return p.k.ErrorPage(c, err)
		}
	}
	return p.showRequest(c, fiber.StatusUnprocessableEntity, func(v *kit.View) {
		kit.FormValues(c, v, "contact", "decline_reason")
		for _, f := range []string{"consent", "contact", "decline_reason"} {
			if id := problems[f]; id != "" {
				v.AddError(f, v.T(id))
			}
		}
		v.Alert = v.T("MeErrCheck")
	})
}

// TakeBack is POST /me/requests/:id/take-back: the employer may no longer
// read the candidate's name and contact details. The grant is the one
// the request names, never one from the form.
func (p *Pages) TakeBack(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	resp, err := p.k.API.GetIntroductionWithResponse(kit.Ctx(c), id)
	if err != nil {
		return p.k.ErrorPage(c, err)
	}
	grant := kit.Deref(resp.JSON200.DisclosureID)
	if grant == "" {
		return c.Redirect("/me/requests/"+id, fiber.StatusSeeOther)
	}
	if _, err := p.k.API.WithdrawDisclosureWithResponse(kit.Ctx(c), grant); err != nil && !errors.Is(err, errs.Conflict) {
		return p.k.ErrorPage(c, err)
	}
	kit.SetNotice(c, "MeNoticeTakenBack", "")
	return c.Redirect("/me/requests/"+id, fiber.StatusSeeOther)
}
