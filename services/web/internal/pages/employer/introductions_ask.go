package employer

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// "Ask to meet" on a shortlist card: the employer writes a short note to
// the candidate's staff and proposes how and when to meet. The candidate
// stays a pseudonym (the card's reference and alias) until their staff
// accept with the candidate's consent.

// Limits of the request, as the contract sets them.
const (
	introMessageMax = 1000
	introWindowsMax = 3
)

// Problems the API answers askToMeet with.
const (
	problemIntroductionExists = "/problems/introduction-exists"
	problemTooManyIntros      = "/problems/too-many-introductions"
	problemRoleNotOpen        = "/problems/role-not-open"
)

// meetingModes are the ways to meet, in the form's order.
var meetingModes = []string{"at_site", "at_programme", "phone"}

// localZone is where the employer's dates and times are meant: the
// platform serves Belgium and its neighbours, as the kit shows dates.
var localZone = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Brussels")
	if err != nil {
		panic(err)
	}
	return loc
}()

// askView is the "Ask to meet" form.
type askView struct {
	RoleID, RoleTitle, Ref, Alias string
	Modes                         []kit.Choice
	Windows                       []int
	MessageMax                    int
	// ExistsHref links to the role's requests when one for this
	// candidate is already open.
	ExistsHref string
}

// askPath is the form's address for a role.
func askPath(role string) string { return "/roles/" + url.PathEscape(role) + "/introductions/new" }

// AskToMeetForm is GET /roles/:id/introductions/new?ref=…&alias=…, the
// form a shortlist card's "Ask to meet" opens.
func (p *Pages) AskToMeetForm(c *fiber.Ctx) error {
	id := c.Params("id")
	v := p.kit.NewView(c, askPath(id)+"?"+url.Values{"ref": {c.Query("ref")}, "alias": {c.Query("alias")}}.Encode())
	d := &askView{RoleID: id, Ref: kit.FormText(c, "ref"), Alias: kit.FormText(c, "alias"), MessageMax: introMessageMax}
	if d.Ref == "" {
		return p.kit.ErrorPage(c, errs.NotFound)
	}
	resp, err := p.kit.API.GetRoleWithResponse(kit.Ctx(c), id)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	d.RoleTitle = resp.JSON200.Title
	v.Form["mode"] = "at_site"
	return p.renderAsk(c, v, d, fiber.StatusOK)
}

// AskToMeet is POST /roles/:id/introductions/new: it checks the form,
// sends the request and, once stored, shows the introduction's page.
// Everything typed stays in the form when something is wrong.
func (p *Pages) AskToMeet(c *fiber.Ctx) error {
	id := c.Params("id")
	v := p.kit.NewView(c, askPath(id))
	d := &askView{RoleID: id, Ref: kit.FormText(c, "ref"), Alias: kit.FormText(c, "alias"), MessageMax: introMessageMax}
	if d.Ref == "" {
		return p.kit.ErrorPage(c, errs.NotFound)
	}
	v.Path = askPath(id) + "?" + url.Values{"ref": {d.Ref}, "alias": {d.Alias}}.Encode()
	fields := []string{"message", "mode"}
	for i := 1; i <= introWindowsMax; i++ {
		fields = append(fields, windowField(i, "date"), windowField(i, "start"), windowField(i, "end"))
	}
	kit.FormValues(c, v, fields...)
	v.Form["message"] = c.FormValue("message") // as typed, line breaks and all

	ctx := kit.Ctx(c)
	role, err := p.kit.API.GetRoleWithResponse(ctx, id)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	d.RoleTitle = role.JSON200.Title

	in, ok := readAsk(v, d.Ref, time.Now())
	if !ok {
		v.Alert = v.T("ErrCheckFields")
		return p.renderAsk(c, v, d, fiber.StatusUnprocessableEntity)
	}
	resp, err := p.kit.API.AskToMeetWithResponse(ctx, id, in)
	if err == nil {
		kit.SetNotice(c, "EmpIntroNoticeSent", d.Alias)
		return c.Redirect(introPath(resp.JSON201.ID), fiber.StatusSeeOther)
	}
	return p.askRefused(c, v, d, err)
}

// askRefused explains why the API did not store the request.
func (p *Pages) askRefused(c *fiber.Ctx, v *kit.View, d *askView, err error) error {
	var pr *kit.Problem
	switch {
	case errors.Is(err, errs.NotFound):
		// The role is there (it was just read): the candidate is no
		// longer on its shortlist.
		v.Alert = v.T("EmpIntroErrNotOnShortlist")
		return p.renderAsk(c, v, d, fiber.StatusNotFound)
	case errors.Is(err, errs.Forbidden):
		v.Alert = v.T("EmpIntroErrNotVerified")
		return p.renderAsk(c, v, d, fiber.StatusForbidden)
	case errors.As(err, &pr) && pr.Status == fiber.StatusConflict:
		switch pr.Type {
		case problemIntroductionExists:
			v.Alert, d.ExistsHref = v.T("EmpIntroErrExists"), roleIntrosPath(d.RoleID)
		case problemTooManyIntros:
			v.Alert = v.T("EmpIntroErrTooMany")
		case problemRoleNotOpen:
			v.Alert = v.T("EmpIntroErrRoleNotOpen")
		default:
			v.Alert = v.T("EmpIntroErrConflict")
		}
		return p.renderAsk(c, v, d, fiber.StatusConflict)
	case errors.As(err, &pr) && pr.Status == fiber.StatusBadRequest:
		for _, fe := range pr.Errors {
			field, msg := askField(fe.Field), v.T("ErrFieldInvalid")
			if strings.HasSuffix(fe.Field, ".start") {
				msg = v.T("EmpIntroErrWindowPast")
			} else if strings.HasSuffix(fe.Field, ".end") {
				msg = v.T("EmpIntroErrWindowOrder")
			} else if field == "message" {
				msg = v.T("EmpIntroErrMessageLong", "Max", introMessageMax)
			}
			if field == "" {
				v.Alert = v.T("EmpIntroErrNotOnShortlist")
				return p.renderAsk(c, v, d, fiber.StatusUnprocessableEntity)
			}
			v.AddError(field, msg)
		}
		v.Alert = v.T("ErrCheckFields")
		return p.renderAsk(c, v, d, fiber.StatusUnprocessableEntity)
	}
	return p.kit.ErrorPage(c, err)
}

// askField is the form's field for a field the API names: message, mode,
// or a window's date or end time ("" for the candidate reference).
func askField(api string) string {
	switch {
	case api == "message", api == "meeting.mode":
		return strings.TrimPrefix(api, "meeting.")
	case api == "meeting.windows":
		return windowField(1, "date")
	case strings.HasPrefix(api, "meeting.windows["):
		rest := strings.TrimPrefix(api, "meeting.windows[")
		n, err := strconv.Atoi(rest[:max(strings.Index(rest, "]"), 0)])
		if err != nil || n < 0 || n >= introWindowsMax {
			return windowField(1, "date")
		}
		if strings.HasSuffix(api, ".end") {
			return windowField(n+1, "end")
		}
		return windowField(n+1, "date")
	}
	return ""
}

// windowField names a part (date, start, end) of the form's i-th window.
func windowField(i int, part string) string { return fmt.Sprintf("window%d_%s", i, part) }

// readAsk reads the form in v into the API's request, putting problems
// beside their fields; ok is false when there are any. A window is a
// date, a start and an end time, in Brussels; the first is required, the
// others are left empty or filled in whole.
func readAsk(v *kit.View, ref string, now time.Time) (api.AskToMeetJSONRequestBody, bool) {
	in := api.AskToMeetJSONRequestBody{CandidateRef: ref}
	if msg := strings.TrimSpace(v.Form["message"]); msg != "" {
		if len([]rune(msg)) > introMessageMax {
			v.AddError("message", v.T("EmpIntroErrMessageLong", "Max", introMessageMax))
		}
		in.Message = &msg
	}
	mode := v.Form["mode"]
	if !slices.Contains(meetingModes, mode) {
		v.AddError("mode", v.T("EmpIntroErrMode"))
	}
	in.Meeting.Mode = api.MeetingMode(mode)
	for i := 1; i <= introWindowsMax; i++ {
		date, start, end := v.Form[windowField(i, "date")], v.Form[windowField(i, "start")], v.Form[windowField(i, "end")]
		if date == "" && start == "" && end == "" {
			if i == 1 {
				v.AddError(windowField(1, "date"), v.T("EmpIntroErrWindowFirst"))
			}
			continue
		}
		from, err1 := time.ParseInLocation("2006-01-02 15:04", date+" "+start, localZone)
		to, err2 := time.ParseInLocation("2006-01-02 15:04", date+" "+end, localZone)
		switch {
		case err1 != nil || err2 != nil:
			v.AddError(windowField(i, "date"), v.T("EmpIntroErrWindowIncomplete"))
		case !from.After(now):
			v.AddError(windowField(i, "date"), v.T("EmpIntroErrWindowPast"))
		case !to.After(from):
			v.AddError(windowField(i, "end"), v.T("EmpIntroErrWindowOrder"))
		default:
			in.Meeting.Windows = append(in.Meeting.Windows, api.TimeWindow{Start: from, End: to})
		}
	}
	return in, len(v.Errors) == 0
}

func (p *Pages) renderAsk(c *fiber.Ctx, v *kit.View, d *askView, status int) error {
	for _, m := range meetingModes {
		d.Modes = append(d.Modes, kit.Choice{Value: m, Label: v.T("EmpIntroMode_" + m), Selected: v.Form["mode"] == m})
	}
	d.Windows = []int{1, 2, 3}
	v.Data = d
	return p.templates.Render(c, status, "introductions_ask", v)
}
