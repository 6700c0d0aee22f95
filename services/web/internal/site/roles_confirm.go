package site

import (
	"errors"
	"net/url"
	"slices"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
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

// statusPage is what role_status.html shows.
type statusPage struct {
	Kind  string
	Role  role
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

// finalStatus reports whether a move to st ends the role's life.
func finalStatus(st string) bool { return st == "filled" || st == "closed" }

// roleCardOf is a role with the status changes it offers now, as the
// employers service names them in next_statuses.
func roleCardOf(l localizer, r role) roleCard {
	card := roleCard{role: r}
	next := r.NextStatuses
	if next == nil {
		next = roleTransitions[r.Status]
	}
	for _, to := range next {
		if knownStatus(to) {
			card.Actions = append(card.Actions, roleAction{To: to, LabelID: actionLabel(r.Status, to)})
		}
	}
	if finalStatus(r.Status) && r.ReopenUntil != nil && len(card.Actions) > 0 {
		card.ReopenNote = l.T("EmpReopenUntil", "Text", l.DateTime(*r.ReopenUntil))
	}
	return card
}

// actionLabel is the message id of the button that moves a role from
// from to to.
func actionLabel(from, to string) string {
	switch {
	case finalStatus(from) && to == "paused":
		return "EmpReopenPaused"
	case finalStatus(from) && to == "draft":
		return "EmpReopenDraft"
	case (from == "paused" || finalStatus(from)) && to == "open":
		return "RoleAction_reopen"
	}
	return "RoleAction_" + to
}

// backPath is where a status page's Cancel leads: the role's page when
// the change started there, else the home page.
func backPath(posted, id string) string {
	if rolePath := "/roles/" + url.PathEscape(id); posted == rolePath {
		return rolePath
	}
	return "/home"
}

// changeRoleStatus is POST /roles/:id/status. A move that ends the role
// (filled, closed) first shows a confirmation page; the confirmed move,
// and every other one, goes to the employers service with the version the
// employer saw. Its refusals come back as pages that explain them: the
// role changed meanwhile, the closing date has passed, or the time to
// reopen has passed.
func (s *site) changeRoleStatus(c *fiber.Ctx) error {
	if actor(c).OrgKind != kindEmployer {
		return s.errorPage(c, errs.Forbidden)
	}
	id, to := c.Params("id"), formText(c, "status")
	v := s.newView(c, "/home")
	d := &statusPage{Kind: statusConfirm, To: to, Back: backPath(formText(c, "back"), id)}
	if !knownStatus(to) {
		return s.errorPage(c, errs.InvalidArgument)
	}
	ch := statusChange{Status: to}
	ch.Version, _ = strconv.Atoi(formText(c, "version"))
	if formText(c, "with_closing_date") != "" {
		date := formText(c, "closing_date")
		ch.ClosingDate = &date
		v.Form["closing_date"] = date
	}
	if finalStatus(to) && formText(c, "confirm") == "" {
		r, err := s.employers.getRole(c.UserContext(), accessToken(c), id)
		if err != nil {
			return s.errorPage(c, err)
		}
		d.Role = r
		return s.renderStatusPage(c, v, d, fiber.StatusOK)
	}
	r, err := s.employers.setRoleStatus(c.UserContext(), accessToken(c), id, ch)
	if err == nil {
		setFlash(c, &flash{Kind: flashRoleStatus, RoleTitle: r.Title, Status: r.Status})
		return c.Redirect("/home", fiber.StatusSeeOther)
	}
	return s.statusRefused(c, v, d, id, err)
}

// statusRefused explains a refused status change.
func (s *site) statusRefused(c *fiber.Ctx, v *view, d *statusPage, id string, err error) error {
	var p *apiProblem
	if !errors.As(err, &p) {
		return s.errorPage(c, err)
	}
	cur, gerr := s.employers.getRole(c.UserContext(), accessToken(c), id)
	if gerr != nil {
		return s.errorPage(c, gerr)
	}
	d.Role = cur
	switch {
	case p.Status == fiber.StatusConflict && p.Type == problemReopenWindowPassed:
		d.Kind = statusWindowEnded
		if p.ReopenEnded != nil {
			d.ReopenNote = v.DateTime(*p.ReopenEnded)
		}
		return s.renderStatusPage(c, v, d, fiber.StatusConflict)
	case p.Status == fiber.StatusConflict && p.Allowed != nil:
		setFlash(c, &flash{Kind: flashRoleConflict, Allowed: p.Allowed, RoleTitle: cur.Title, Status: cur.Status})
		return c.Redirect("/home", fiber.StatusSeeOther)
	case p.Status == fiber.StatusConflict:
		// The role changed since the page was shown: the same step again,
		// with the role as it is now.
		d.Stale, v.Alert = true, v.T("EmpStatusStale", "Status", v.T("RoleStatus_"+cur.Status))
		if !slices.Contains(roleCardOf(v.localizer, cur).Actions, roleAction{To: d.To, LabelID: actionLabel(cur.Status, d.To)}) {
			d.Allowed = statusList(v, cur.NextStatuses)
			if d.Allowed == "" {
				d.Allowed = v.T("EmpNoMoves")
			}
		}
		return s.renderStatusPage(c, v, d, fiber.StatusConflict)
	}
	for _, fe := range p.Errors {
		if formField(fe.Field) == "closing_date" {
			d.Kind = statusClosingDate
			if _, posted := v.Form["closing_date"]; posted {
				v.addError("closing_date", v.T("EmpErrClosingDate"))
				v.Alert = v.T("ErrCheckFields")
			}
			return s.renderStatusPage(c, v, d, fiber.StatusUnprocessableEntity)
		}
	}
	return s.errorPage(c, errs.InvalidArgument)
}

func (s *site) renderStatusPage(c *fiber.Ctx, v *view, d *statusPage, status int) error {
	if d.Kind != statusWindowEnded && finalStatus(d.Role.Status) && d.Role.ReopenUntil != nil {
		d.ReopenNote = v.DateTime(*d.Role.ReopenUntil)
	}
	v.Data = d
	return s.render(c, status, "role_status", v)
}
