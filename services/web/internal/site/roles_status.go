package site

import (
	"errors"
	"net/url"
	"slices"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Role statuses, in the order the employer's home page lists them.
var roleStatuses = []string{"open", "paused", "draft", "filled", "closed"}

// roleTransitions are the lifecycle's allowed moves: draft → open ⇄
// paused → filled or closed. The employers service enforces them; the
// pages only offer these, and explain a refusal with them.
var roleTransitions = map[string][]string{
	"draft":  {"open", "closed"},
	"open":   {"paused", "filled", "closed"},
	"paused": {"open", "filled", "closed"},
}

// roleGroup is the roles of one status on the employer's home page.
type roleGroup struct {
	Status string
	Roles  []roleCard
}

// roleCard is one role with the status changes it offers.
type roleCard struct {
	role
	Actions []roleAction
}

// roleAction is one quick action: the status it moves to, and the
// message id of its button ("Reopen" for a paused role, "Open" for a
// draft).
type roleAction struct {
	To, LabelID string
}

// actionsFrom lists the quick actions of a role in status from.
func actionsFrom(from string) []roleAction {
	var out []roleAction
	for _, to := range roleTransitions[from] {
		label := "RoleAction_" + to
		if from == "paused" && to == "open" {
			label = "RoleAction_reopen"
		}
		out = append(out, roleAction{To: to, LabelID: label})
	}
	return out
}

// groupRoles sorts roles into their statuses, leaving out empty groups.
func groupRoles(roles []role) []roleGroup {
	var out []roleGroup
	for _, st := range roleStatuses {
		g := roleGroup{Status: st}
		for _, r := range roles {
			if r.Status == st {
				g.Roles = append(g.Roles, roleCard{role: r, Actions: actionsFrom(st)})
			}
		}
		if len(g.Roles) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// employerRolesLimit is how many roles the home page asks for; a small
// employer has far fewer.
const employerRolesLimit = "100"

// loadEmployerRoles fills the employer's part of the home page. The page
// still shows when the employers service is down, with a note instead.
func (s *site) loadEmployerRoles(c *fiber.Ctx, h *homeData) {
	page, err := s.employers.listRoles(c.UserContext(), accessToken(c), url.Values{"limit": {employerRolesLimit}})
	if err != nil {
		h.RolesUnavailable = true
		s.logServiceFailure(c, "employers", err)
		return
	}
	h.RoleGroups = groupRoles(page.Items)
}

// changeRoleStatus is POST /roles/:id/status: a quick action on the home
// page. A refusal (the role changed meanwhile, or the move is not
// allowed) comes back to the home page with the moves that are.
func (s *site) changeRoleStatus(c *fiber.Ctx) error {
	if actor(c).OrgKind != kindEmployer {
		return s.errorPage(c, errs.Forbidden)
	}
	id, status := c.Params("id"), formText(c, "status")
	r, err := s.employers.setRoleStatus(c.UserContext(), accessToken(c), id, status)
	var p *apiProblem
	switch {
	case err == nil:
		setFlash(c, &flash{Kind: flashRoleStatus, RoleTitle: r.Title, Status: r.Status})
	case errors.As(err, &p) && p.Status == fiber.StatusConflict:
		f := &flash{Kind: flashRoleConflict, Allowed: p.Allowed}
		if cur, err := s.employers.getRole(c.UserContext(), accessToken(c), id); err == nil {
			f.RoleTitle, f.Status = cur.Title, cur.Status
			if len(f.Allowed) == 0 {
				f.Allowed = roleTransitions[cur.Status]
			}
		}
		setFlash(c, f)
	case errors.As(err, &p):
		return s.errorPage(c, errs.InvalidArgument)
	default:
		return s.errorPage(c, err)
	}
	return c.Redirect("/home", fiber.StatusSeeOther)
}

// statusList names statuses in the user's language: "open, closed".
func statusList(v *view, statuses []string) string {
	out := ""
	for i, st := range statuses {
		if i > 0 {
			out += ", "
		}
		out += v.T("RoleStatus_" + st)
	}
	return out
}

// knownStatus guards message ids built from a status.
func knownStatus(st string) bool { return slices.Contains(roleStatuses, st) }

// roleNotice puts the last role action on the home page: good news as a
// notice, a refused status change as an alert naming the allowed moves.
func roleNotice(v *view, f *flash) {
	status := ""
	if knownStatus(f.Status) {
		status = v.T("RoleStatus_" + f.Status)
	}
	switch f.Kind {
	case flashRoleStatus:
		v.Notice = v.T("RoleStatusChanged", "Title", f.RoleTitle, "Status", status)
	case flashRoleSaved:
		v.Notice = v.T("RoleSaved", "Title", f.RoleTitle, "Status", status)
		if f.Notes > 0 {
			v.Notice += " " + v.T("RoleSavedNotes", "Count", f.Notes)
		}
	case flashProfileSaved:
		v.Notice = v.T("ProfileSaved")
	case flashRoleConflict:
		allowed := slices.DeleteFunc(slices.Clone(f.Allowed), func(st string) bool { return !knownStatus(st) })
		if len(allowed) == 0 {
			v.Alert = v.T("RoleStatusConflictFinal", "Status", status)
		} else {
			v.Alert = v.T("RoleStatusConflict", "Status", status, "List", statusList(v, allowed))
		}
	}
}
