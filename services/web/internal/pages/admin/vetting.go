package admin

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// Vetting statuses of an employer, as the gateway names them.
const (
	statusPending   = "pending"
	statusVerified  = "verified"
	statusSuspended = "suspended"
)

// Kinds of notice about an employer's vetting.
const (
	noticeVerified   = "verified"
	noticeSuspended  = "suspended"
	noticeReinstated = "reinstated"
)

// vettingNotices are the messages of the vetting notices.
var vettingNotices = map[string]string{
	noticeVerified: "AdminNoticeVerified", noticeSuspended: "AdminNoticeSuspended", noticeReinstated: "AdminNoticeReinstated",
}

// registerCountries are the countries whose register numbers the gateway
// checks by their own format, offered first; any other two-letter code
// may be typed.
var registerCountries = []string{"BE", "NL", "FR", "DE", "LU"}

// vetting is what the organisation page shows of an employer's vetting:
// its status, the checks recorded at verification (platform
// administrators only) and why it is suspended.
type vetting struct {
	Status string
	Checks *vettingChecks
	// Suspended and SuspendedOn say why and since when, while suspended.
	Suspended, SuspendedOn string
}

// vettingChecks are the checks recorded at verification.
type vettingChecks struct {
	RegisterCountry, RegisterNumber, ContactName, ContactedOn, Notes, VerifiedOn string
}

// vettingOf is organisation o's vetting, for an employer only.
func vettingOf(o api.Organisation) *vetting {
	if o.Kind != api.OrganisationKindEmployer {
		return nil
	}
	out := &vetting{Status: string(o.Status)}
	if v := o.Verification; v != nil {
		out.Checks = &vettingChecks{RegisterCountry: v.RegisterCountry, RegisterNumber: v.RegisterNumber, ContactName: v.ContactName,
			ContactedOn: v.ContactedOn, VerifiedOn: calendarDate(v.VerifiedAt)}
		if v.Notes != nil {
			out.Checks.Notes = *v.Notes
		}
	}
	if s := o.Suspension; s != nil {
		out.Suspended, out.SuspendedOn = s.Reason, calendarDate(s.SuspendedAt)
	}
	return out
}

// verifyData is the verification form: the organisation it is about, the
// countries offered, and whether it can be verified at all.
type verifyData struct {
	Name, Back, Action string
	Countries          []string
	Refused            bool
}

// vettingForm reads the organisation of the route for a vetting page and
// reports whether its status is want; another status explains itself
// above the page, with 409.
func (p *Pages) vettingForm(c *fiber.Ctx, want string) (*kit.View, api.Organisation, bool, error) {
	sc := scopeOf(c)
	resp, err := p.k.API.GetOrganisationWithResponse(kit.Ctx(c), sc.OrgID)
	if err != nil {
		return nil, api.Organisation{}, false, err
	}
	org := *resp.JSON200
	v := p.k.NewView(c, sc.Base)
	ok := org.Kind == api.OrganisationKindEmployer && string(org.Status) == want
	if !ok {
		v.Alert = v.T("AdminVettingNotNow", "Name", org.Name)
	}
	return v, org, ok, nil
}

// VerifyForm asks a platform administrator for the checks made before
// verifying a pending employer.
func (p *Pages) VerifyForm(c *fiber.Ctx) error {
	v, org, ok, err := p.vettingForm(c, statusPending)
	if err != nil {
		return p.failed(c, err)
	}
	v.Form["register_country"] = "BE"
	return p.renderVerify(c, v, org, ok, fiber.StatusOK)
}

func (p *Pages) renderVerify(c *fiber.Ctx, v *kit.View, org api.Organisation, ok bool, status int) error {
	sc := scopeOf(c)
	v.Data = &verifyData{Name: org.Name, Back: sc.Base, Action: sc.Base + "/verify", Countries: registerCountries, Refused: !ok}
	if !ok && status == fiber.StatusOK {
		status = fiber.StatusConflict
	}
	return p.render(c, status, "verify", v)
}

// verifyFields are the verification form's fields, as the API names them.
var verifyFields = []string{"register_country", "register_number", "contact_name", "contacted_on", "notes"}

// Verify records the checks and verifies the employer; the gateway checks
// the register number's format for the country, and its objections show
// beside the fields.
func (p *Pages) Verify(c *fiber.Ctx) error {
	sc := scopeOf(c)
	body := api.VerifyOrganisationRequest{
		RegisterCountry: kit.FormText(c, "register_country"), RegisterNumber: kit.FormText(c, "register_number"),
		ContactName: kit.FormText(c, "contact_name"), ContactedOn: kit.FormText(c, "contacted_on"),
	}
	if notes := kit.FormText(c, "notes"); notes != "" {
		body.Notes = &notes
	}
	_, err := p.k.API.VerifyOrganisationWithResponse(kit.Ctx(c), sc.OrgID, body)
	if err == nil {
		setNotice(c, sc.Base, notice{Kind: noticeVerified, Subject: sc.OrgID})
		return c.Redirect(sc.Base, fiber.StatusSeeOther)
	}
	v, org, ok, verr := p.vettingForm(c, statusPending)
	if verr != nil {
		return p.failed(c, verr)
	}
	kit.FormValues(c, v, verifyFields...)
	if errors.Is(err, errs.Conflict) || !ok {
		return p.renderVerify(c, v, org, false, fiber.StatusConflict)
	}
	status, known := kit.FormProblem(c, v, err)
	if !known {
		return p.failed(c, err)
	}
	for field, id := range map[string]string{"register_number": "AdminVerifyErrNumber", "contacted_on": "AdminVerifyErrDate", "register_country": "AdminVerifyErrCountry"} {
		if v.Err(field) != "" {
			v.Errors[field] = v.T(id)
		}
	}
	return p.renderVerify(c, v, org, true, status)
}

// suspendData is the suspension's confirmation, which asks why.
type suspendData struct {
	Name, Back, Action string
	Refused            bool
}

// ConfirmSuspend asks a platform administrator why before suspending an
// employer: its shortlists, requests and disclosures close at once.
func (p *Pages) ConfirmSuspend(c *fiber.Ctx) error {
	v, org, ok, err := p.vettingForm(c, statusVerified)
	if err != nil {
		return p.failed(c, err)
	}
	if !ok && org.Kind == api.OrganisationKindEmployer && string(org.Status) == statusPending {
		v.Alert, ok = "", true
	}
	return p.renderSuspend(c, v, org, ok, fiber.StatusOK)
}

func (p *Pages) renderSuspend(c *fiber.Ctx, v *kit.View, org api.Organisation, ok bool, status int) error {
	sc := scopeOf(c)
	v.Data = &suspendData{Name: org.Name, Back: sc.Base, Action: sc.Base + "/suspend", Refused: !ok}
	if !ok && status == fiber.StatusOK {
		status = fiber.StatusConflict
	}
	return p.render(c, status, "suspend", v)
}

// Suspend suspends the employer with the reason given.
func (p *Pages) Suspend(c *fiber.Ctx) error {
	sc := scopeOf(c)
	_, err := p.k.API.SuspendOrganisationWithResponse(kit.Ctx(c), sc.OrgID, api.SuspendOrganisationRequest{Reason: kit.FormText(c, "reason")})
	if err == nil {
		setNotice(c, sc.Base, notice{Kind: noticeSuspended, Subject: sc.OrgID})
		return c.Redirect(sc.Base, fiber.StatusSeeOther)
	}
	v, org, _, verr := p.vettingForm(c, statusVerified)
	if verr != nil {
		return p.failed(c, verr)
	}
	v.Alert = ""
	kit.FormValues(c, v, "reason")
	if errors.Is(err, errs.Conflict) {
		v.Alert = v.T("AdminVettingNotNow", "Name", org.Name)
		return p.renderSuspend(c, v, org, false, fiber.StatusConflict)
	}
	status, known := kit.FormProblem(c, v, err)
	if !known {
		return p.failed(c, err)
	}
	if v.Err("reason") != "" {
		v.Errors["reason"] = v.T("AdminSuspendErrReason")
	}
	return p.renderSuspend(c, v, org, true, status)
}

// ConfirmReinstate asks before a suspension is lifted.
func (p *Pages) ConfirmReinstate(c *fiber.Ctx) error {
	v, org, ok, err := p.vettingForm(c, statusSuspended)
	if err != nil {
		return p.failed(c, err)
	}
	sc := scopeOf(c)
	v.Data = &confirmData{
		Heading: v.T("AdminReinstateHeading", "Name", org.Name), Body: v.T("AdminReinstateBody", "Name", org.Name),
		Submit: v.T("AdminReinstateSubmit"), Action: sc.Base + "/reinstate", Back: sc.Base, Routine: true, Refused: !ok,
	}
	status := fiber.StatusOK
	if !ok {
		status = fiber.StatusConflict
	}
	return p.render(c, status, "confirm", v)
}

// Reinstate lifts the suspension.
func (p *Pages) Reinstate(c *fiber.Ctx) error {
	sc := scopeOf(c)
	_, err := p.k.API.ReinstateOrganisationWithResponse(kit.Ctx(c), sc.OrgID)
	if errors.Is(err, errs.Conflict) {
		return p.ConfirmReinstate(c)
	}
	if err != nil {
		return p.failed(c, err)
	}
	setNotice(c, sc.Base, notice{Kind: noticeReinstated, Subject: sc.OrgID})
	return c.Redirect(sc.Base, fiber.StatusSeeOther)
}
