package employer

import (
	"errors"
	"net/url"
	"slices"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// "Mark filled" and "Close" end a role's life (it may be reopened for a
// few days, then it is final), so their buttons lead to a confirmation
// page first: a plain POST answered with a page that explains what
// happens and offers Confirm and Cancel, which works without JavaScript.
// Every other move is one tap.

// Kinds of status page.
const (
	statusConfirm     = "confirm"      // explain and confirm a final move
	statusClosingDate = "closing_date" // reopening needs a later closing date
	statusWindowEnded = "window_ended" // the time to reopen has passed
)

// problemReopenWindowPassed is the type of the 409 that refuses to reopen
// a role whose reopen window has ended.
const problemReopenWindowPassed = "/problems/reopen-window-passed"

// statusPage is what role_status.html shows.
type statusPage struct {
	Kind  string
	Role  roleSummary
	To    string
	Back  string
	Stale bool
	// ReopenNote says until when the role may be reopened, once it is
	// filled or closed (or until when it could have been).
	ReopenNote string
	// Allowed names the moves the role still allows, when a stale page
	// asked for one it no longer does.
	Allowed string
}

// backPath is where a status page's Cancel leads: the role's page when
// the change started there, else the home page.
func backPath(posted, id string) string {
	if rolePath := "/roles/" + url.PathEscape(id); posted == rolePath {
		return rolePath
	}
	return "/home"
}

// ChangeRoleStatus is POST /roles/:id/status. A move that ends the role
// (filled, closed) first shows a confirmation page; the confirmed move,
// and every other one, goes to the API with the version the employer saw.
// Its refusals come back as pages that explain them: the role changed
// meanwhile, the closing date has passed, or the time to reopen has
// passed.
func (p *Pages) ChangeRoleStatus(c *fiber.Ctx) error {
	id, to := c.Params("id"), kit.FormText(c, "status")
	v := p.kit.NewView(c, "/home")
	d := &statusPage{Kind: statusConfirm, To: to, Back: backPath(kit.FormText(c, "back"), id)}
	if !knownStatus(to) {
		return p.kit.ErrorPage(c, errs.InvalidArgument)
	}
	ch := api.SetRoleStatusJSONRequestBody{Status: api.SetRoleStatusJSONBodyStatus(to)}
	if version, _ := strconv.ParseInt(kit.FormText(c, "version"), 10, 64); version > 0 {
		ch.Version = &version
	}
	if kit.FormText(c, "with_closing_date") != "" {
		date := kit.FormText(c, "closing_date")
		ch.ClosingDate = &date
		v.Form["closing_date"] = date
	}
	if finalStatus(to) && kit.FormText(c, "confirm") == "" {
		resp, err := p.kit.API.GetRoleWithResponse(kit.Ctx(c), id)
		if err != nil {
			return p.kit.ErrorPage(c, err)
		}
		d.Role = roleSummaryOf(v, *resp.JSON200)
		return p.renderStatusPage(c, v, d, fiber.StatusOK)
	}
	resp, err := p.kit.API.SetRoleStatusWithResponse(kit.Ctx(c), id, ch)
	if err == nil {
		kit.SetFlash(c, &kit.Flash{Kind: kit.FlashRoleStatus, RoleTitle: resp.JSON200.Title, Status: string(resp.JSON200.Status)})
		return c.Redirect("/home", fiber.StatusSeeOther)
	}
	return p.statusRefused(c, v, d, id, err)
}

// statusRefused explains a refused status change.
func (p *Pages) statusRefused(c *fiber.Ctx, v *kit.View, d *statusPage, id string, err error) error {
	var pr *kit.Problem
	if !errors.As(err, &pr) {
		return p.kit.ErrorPage(c, err)
	}
	resp, gerr := p.kit.API.GetRoleWithResponse(kit.Ctx(c), id)
	if gerr != nil {
		return p.kit.ErrorPage(c, gerr)
	}
	cur := roleSummaryOf(v, *resp.JSON200)
	d.Role = cur
	switch {
	case pr.Status == fiber.StatusConflict && pr.Type == problemReopenWindowPassed:
		d.Kind = statusWindowEnded
		if pr.ReopenEnded != nil {
			d.ReopenNote = v.DateTime(*pr.ReopenEnded)
		}
		return p.renderStatusPage(c, v, d, fiber.StatusConflict)
	case pr.Status == fiber.StatusConflict && pr.Type == problemRoleCapReached:
		// Opening it would pass the most open roles of its job in its area.
		v.Alert = v.T("EmpErrRoleCap", "Limit", pr.Limit, "Km", strconv.FormatFloat(pr.RadiusKm, 'f', -1, 64))
		return p.renderStatusPage(c, v, d, fiber.StatusConflict)
	case pr.Status == fiber.StatusConflict && pr.Allowed != nil:
		kit.SetFlash(c, &kit.Flash{Kind: kit.FlashRoleConflict, Allowed: pr.Allowed, RoleTitle: cur.Title, Status: cur.Status})
		return c.Redirect("/home", fiber.StatusSeeOther)
	case pr.Status == fiber.StatusConflict:
		// The role changed since the page was shown: the same step again,
		// with the role as it is now.
		d.Stale, v.Alert = true, v.T("EmpStatusStale", "Status", v.T("RoleStatus_"+cur.Status))
		if !slices.Contains(roleCardOf(v, cur).Actions, roleAction{To: d.To, LabelID: actionLabel(cur.Status, d.To)}) {
			d.Allowed = statusList(v, cur.NextStatuses)
			if d.Allowed == "" {
				d.Allowed = v.T("EmpNoMoves")
			}
		}
		return p.renderStatusPage(c, v, d, fiber.StatusConflict)
	}
	for _, fe := range pr.Errors {
		if formField(fe.Field) == "closing_date" {
			d.Kind = statusClosingDate
			if _, posted := v.Form["closing_date"]; posted {
				v.AddError("closing_date", v.T("EmpErrClosingDate"))
				v.Alert = v.T("ErrCheckFields")
			}
			return p.renderStatusPage(c, v, d, fiber.StatusUnprocessableEntity)
		}
	}
	return p.kit.ErrorPage(c, errs.InvalidArgument)
}

func (p *Pages) renderStatusPage(c *fiber.Ctx, v *kit.View, d *statusPage, status int) error {
	if d.Kind != statusWindowEnded && finalStatus(d.Role.Status) && d.Role.reopenable {
		d.ReopenNote = d.Role.ReopenUntil
	}
	v.Data = d
	return p.templates.Render(c, status, "role_status", v)
}
