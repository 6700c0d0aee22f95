package employer

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// An introduction's page, for the employer: what was asked and how it
// stands; once the candidate accepted, the contact details they agreed to
// disclose (every read is recorded on the candidate's file, which the page
// says), the thread with the candidate's staff and "record how it went";
// while it waits, withdrawing it (after a confirmation).

// Limits of the contract.
const (
	threadTextMax = 2000
	threadPage    = 100
	hoursMin      = 1
	hoursMax      = 60
)

// Values of the outcome form, as the API names them.
var (
	outcomeKinds    = []string{"hired", "not_hired", "did_not_take_place"}
	contractKinds   = []string{"trial", "fixed_term", "permanent", "day_release"}
	notHiredReasons = []string{"skills", "availability", "candidate_declined", "employer_declined", "other"}
)

// introView is introductions_page.html.
type introView struct {
	ID, Alias, RoleID, RoleTitle string
	Status, StatusText, Class    string
	Requested, Expires, Closed   string
	Mode                         string
	Windows                      []string
	Message                      string
	Warnings                     []introWarning
	// Contact is the disclosed identity; ContactGone says the candidate
	// withdrew it, ContactDown that it could not be read just now.
	Contact                  *contactView
	ContactGone, ContactDown bool
	Thread                   []threadItem
	ThreadMax                int
	ThreadDown               bool
	Outcome                  string
	// OutcomeKind is the recorded outcome (hired, not_hired,
	// did_not_take_place), which then says where the request stands.
	OutcomeKind            string
	CanRecord, CanWithdraw bool
	CanWrite               bool
	Outcomes               []kit.Choice
	Contracts, Reasons     []kit.Choice
	HoursMin, HoursMax     int
	Hired                  bool
	// Confirm draws the withdrawal's confirmation instead of the page.
	Confirm bool
}

// introWarning is a note of the wording check on the message.
type introWarning struct{ Phrase, Suggestion, Reason string }

// contactView is the disclosed identity as the page shows it.
type contactView struct {
	Name, Phone, Email string
	Direct             bool
}

// threadItem is one message of the thread.
type threadItem struct {
	Who, When, Text string
	Mine            bool
}

// Introduction is GET /introductions/:id for an employer.
func (p *Pages) Introduction(c *fiber.Ctx) error {
	id := c.Params("id")
	v := p.kit.NewView(c, introPath(id))
	v.Form["outcome"] = ""
	return p.renderIntro(c, v, id, fiber.StatusOK)
}

// renderIntro reads the introduction (and, once accepted, the disclosed
// contact and the thread) and draws its page with status.
func (p *Pages) renderIntro(c *fiber.Ctx, v *kit.View, id string, status int) error {
	d, err := p.introView(c, v, id)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	v.Data = d
	return p.templates.Render(c, status, "introductions_page", v)
}

// introView reads what the page shows.
func (p *Pages) introView(c *fiber.Ctx, v *kit.View, id string) (*introView, error) {
	ctx := kit.Ctx(c)
	resp, err := p.kit.API.GetIntroductionWithResponse(ctx, id)
	if err != nil {
		return nil, err
	}
	in := *resp.JSON200
	d := &introView{ID: in.ID, Alias: in.CandidateAlias, RoleID: in.RoleID, RoleTitle: kit.Deref(in.RoleTitle),
		Status: string(in.Status), StatusText: v.T("EmpIntroStatus_" + string(in.Status)), Class: introStatusClass(string(in.Status)),
		Requested: v.DateTime(in.RequestedAt), Mode: v.T("EmpIntroMode_" + string(in.Meeting.Mode)), Message: kit.Deref(in.Message),
		ThreadMax: threadTextMax, HoursMin: hoursMin, HoursMax: hoursMax}
	if d.RoleTitle == "" {
		if role, err := p.kit.API.GetRoleWithResponse(ctx, in.RoleID); err == nil {
			d.RoleTitle = role.JSON200.Title
		}
	}
	for _, w := range in.Meeting.Windows {
		d.Windows = append(d.Windows, windowText(v, w))
	}
	if in.MessageWarnings != nil {
		for _, w := range *in.MessageWarnings {
			d.Warnings = append(d.Warnings, introWarning{Phrase: kit.Deref(w.Phrase), Suggestion: kit.Deref(w.Suggestion), Reason: kit.Deref(w.Reason)})
		}
	}
	switch in.Status {
	case api.IntroductionStatusRequested:
		d.Expires, d.CanWithdraw = v.DateTime(in.ExpiresAt), true
	case api.IntroductionStatusWithdrawn, api.IntroductionStatusExpired:
		if in.ClosedAt != nil {
			d.Closed = v.DateTime(*in.ClosedAt)
		}
	case api.IntroductionStatusAccepted:
		d.CanWrite = true
		p.readContact(c, v, d, kit.Deref(in.DisclosureID))
		p.readThread(c, v, d, in.ID)
	}
	if in.Outcome != nil {
		d.Outcome = outcomeText(v, *in.Outcome)
		if k := string(in.Outcome.Outcome); slices.Contains(outcomeKinds, k) {
			d.OutcomeKind = k
		}
	} else if in.Status == api.IntroductionStatusAccepted {
		d.CanRecord = true
		d.Outcomes = kit.Choices(v, "EmpIntroOutcome_", outcomeKinds, v.Form["outcome"])
		d.Contracts = kit.Choices(v, "EmpIntroContract_", contractKinds, v.Form["contract"])
		d.Reasons = kit.Choices(v, "EmpIntroNotHired_", notHiredReasons, v.Form["reason"])
	}
	d.Hired = in.PlacementID != nil
	return d, nil
}

// readContact reads the disclosed identity: a read the candidates service
// records on the candidate's file.
func (p *Pages) readContact(c *fiber.Ctx, v *kit.View, d *introView, disclosure string) {
	if disclosure == "" {
		d.ContactGone = true
		return
	}
	resp, err := p.kit.API.ReadDisclosureWithResponse(kit.Ctx(c), disclosure)
	switch {
	case errors.Is(err, errs.NotFound):
		d.ContactGone = true
	case err != nil:
		p.kit.LogFailure(c, "read disclosure", err)
		d.ContactDown = true
	default:
		x := resp.JSON200
		name := x.GivenName + " " + x.FamilyName
		if pref := kit.Deref(x.PreferredName); pref != "" && pref != x.GivenName {
			name = v.T("EmpIntroNamePreferred", "Name", name, "Text", pref)
		}
		d.Contact = &contactView{Name: name, Phone: kit.Deref(x.Phone), Email: kit.Deref(x.Email), Direct: x.Contact == api.ContactRouteDirect}
	}
}

// readThread reads the thread, oldest first.
func (p *Pages) readThread(c *fiber.Ctx, v *kit.View, d *introView, id string) {
	resp, err := p.kit.API.ListIntroductionMessagesWithResponse(kit.Ctx(c), id, &api.ListIntroductionMessagesParams{Limit: kit.Ptr(threadPage)})
	if err != nil {
		p.kit.LogFailure(c, "introduction thread", err)
		d.ThreadDown = true
		return
	}
	me := kit.ActorOf(c).UserID
	for _, m := range resp.JSON200.Items {
		it := threadItem{When: v.DateTime(m.SentAt), Text: m.Text, Mine: m.AuthorID == me}
		switch {
		case it.Mine:
			it.Who = v.T("EmpIntroFromYou")
		case m.Side == api.PartySideEmployer:
			it.Who = v.T("EmpIntroFromColleague")
		default:
			it.Who = v.T("EmpIntroFromStaff")
		}
		d.Thread = append(d.Thread, it)
	}
}

// windowText is a proposed time in the reader's language: 10 December
// 2026, 09:00–10:30.
func windowText(v *kit.View, w api.TimeWindow) string {
	from, to := w.Start.In(localZone), w.End.In(localZone)
	text := v.T("DateTimeFormat", "Date", v.Date(from.Format(time.DateOnly)), "Time", from.Format("15:04")+"–"+to.Format("15:04"))
	if from.Format(time.DateOnly) != to.Format(time.DateOnly) {
		text = v.DateTime(w.Start) + " – " + v.DateTime(w.End)
	}
	return text
}

// outcomeText says how the meeting went.
func outcomeText(v *kit.View, o api.MeetingOutcome) string {
	text := v.T("EmpIntroOutcome_" + string(o.Outcome))
	if o.Reason != nil {
		text += " · " + v.T("EmpIntroNotHired_"+string(*o.Reason))
	}
	return v.T("EmpIntroOutcomeRecorded", "Text", text, "Date", v.DateTime(o.RecordedAt))
}

// introStatusClass colours a status as the roles' statuses are.
func introStatusClass(status string) string {
	switch status {
	case "requested":
		return "status-paused"
	case "accepted":
		return "status-open"
	}
	return "status-closed"
}

// PostIntroductionMessage is POST /introductions/:id/messages.
func (p *Pages) PostIntroductionMessage(c *fiber.Ctx) error {
	id := c.Params("id")
	v := p.kit.NewView(c, introPath(id))
	text := strings.TrimSpace(c.FormValue("text"))
	v.Form["text"] = c.FormValue("text")
	switch n := len([]rune(text)); {
	case n == 0:
		v.AddError("text", v.T("EmpIntroErrTextEmpty"))
	case n > threadTextMax:
		v.AddError("text", v.T("EmpIntroErrTextLong", "Max", threadTextMax))
	}
	if len(v.Errors) == 0 {
		_, err := p.kit.API.PostIntroductionMessageWithResponse(kit.Ctx(c), id, api.PostIntroductionMessageJSONRequestBody{Text: text})
		if err == nil {
			kit.SetNotice(c, "EmpIntroNoticeMessage", "")
			return c.Redirect(introPath(id)+"#thread", fiber.StatusSeeOther)
		}
		var pr *kit.Problem
		switch {
		case errors.As(err, &pr) && pr.Status == fiber.StatusBadRequest:
			v.AddError("text", v.T("EmpIntroErrTextLong", "Max", threadTextMax))
		case errors.As(err, &pr) && pr.Status == fiber.StatusConflict:
			v.Alert = v.T("EmpIntroErrThreadClosed")
			return p.renderIntro(c, v, id, fiber.StatusConflict)
		default:
			return p.kit.ErrorPage(c, err)
		}
	}
	v.Alert = v.T("ErrCheckFields")
	return p.renderIntro(c, v, id, fiber.StatusUnprocessableEntity)
}

// RecordOutcome is POST /introductions/:id/outcome: how the meeting went,
// once. Hired needs the placement's start, contract and hours.
func (p *Pages) RecordOutcome(c *fiber.Ctx) error {
	id := c.Params("id")
	v := p.kit.NewView(c, introPath(id))
	kit.FormValues(c, v, "outcome", "start_date", "contract", "hours_per_week", "reason")
	in, ok := readOutcome(v)
	if !ok {
		v.Alert = v.T("ErrCheckFields")
		return p.renderIntro(c, v, id, fiber.StatusUnprocessableEntity)
	}
	_, err := p.kit.API.RecordMeetingOutcomeWithResponse(kit.Ctx(c), id, in)
	if err == nil {
		kit.SetNotice(c, "EmpIntroNoticeOutcome", "")
		return c.Redirect(introPath(id), fiber.StatusSeeOther)
	}
	var pr *kit.Problem
	switch {
	case errors.As(err, &pr) && pr.Status == fiber.StatusBadRequest:
		for _, fe := range pr.Errors {
			field := strings.TrimPrefix(fe.Field, "placement.")
			if _, known := v.Form[field]; !known {
				field = "outcome"
			}
			v.AddError(field, v.T("EmpIntroErr_"+outcomeErrorID(field)))
		}
		v.Alert = v.T("ErrCheckFields")
		return p.renderIntro(c, v, id, fiber.StatusUnprocessableEntity)
	case errors.As(err, &pr) && pr.Status == fiber.StatusConflict:
		v.Alert = v.T("EmpIntroErrOutcomeTaken")
		return p.renderIntro(c, v, id, fiber.StatusConflict)
	}
	return p.kit.ErrorPage(c, err)
}

// outcomeErrorID names the message for a field of the outcome form.
func outcomeErrorID(field string) string {
	switch field {
	case "start_date", "contract", "hours_per_week", "reason":
		return field
	}
	return "outcome"
}

// readOutcome reads the outcome form in v, putting problems beside their
// fields.
func readOutcome(v *kit.View) (api.RecordMeetingOutcomeJSONRequestBody, bool) {
	kind := v.Form["outcome"]
	in := api.RecordMeetingOutcomeJSONRequestBody{Outcome: api.MeetingOutcomeKind(kind)}
	switch kind {
	case "hired":
		pl := api.PlacementInput{StartDate: v.Form["start_date"], Contract: api.ContractKind(v.Form["contract"])}
		if _, err := time.Parse(time.DateOnly, pl.StartDate); err != nil {
			v.AddError("start_date", v.T("EmpIntroErr_start_date"))
		}
		if !slices.Contains(contractKinds, v.Form["contract"]) {
			v.AddError("contract", v.T("EmpIntroErr_contract"))
		}
		hours, err := strconv.Atoi(v.Form["hours_per_week"])
		if err != nil || hours < hoursMin || hours > hoursMax {
			v.AddError("hours_per_week", v.T("EmpIntroErr_hours_per_week"))
		}
		pl.HoursPerWeek = hours
		in.Placement = &pl
	case "not_hired":
		if !slices.Contains(notHiredReasons, v.Form["reason"]) {
			v.AddError("reason", v.T("EmpIntroErr_reason"))
		}
		r := api.NotHiredReason(v.Form["reason"])
		in.Reason = &r
	case "did_not_take_place":
	default:
		v.AddError("outcome", v.T("EmpIntroErr_outcome"))
	}
	return in, len(v.Errors) == 0
}

// WithdrawIntroduction is POST /introductions/:id/withdraw: first a page
// that asks to confirm, then the withdrawal.
func (p *Pages) WithdrawIntroduction(c *fiber.Ctx) error {
	id := c.Params("id")
	v := p.kit.NewView(c, introPath(id))
	if kit.FormText(c, "confirm") == "" {
		d, err := p.introView(c, v, id)
		if err != nil {
			return p.kit.ErrorPage(c, err)
		}
		d.Confirm = true
		v.Data = d
		return p.templates.Render(c, fiber.StatusOK, "introductions_page", v)
	}
	_, err := p.kit.API.WithdrawIntroductionWithResponse(kit.Ctx(c), id)
	switch {
	case err == nil:
		kit.SetNotice(c, "EmpIntroNoticeWithdrawn", "")
		return c.Redirect(introPath(id), fiber.StatusSeeOther)
	case errors.Is(err, errs.Conflict):
		v.Alert = v.T("EmpIntroErrNotOpen")
		return p.renderIntro(c, v, id, fiber.StatusConflict)
	}
	return p.kit.ErrorPage(c, err)
}
