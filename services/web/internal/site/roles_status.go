package site

import (
	"net/url"
	"slices"

	"github.com/gofiber/fiber/v2"
)

// Role statuses, in the order the employer's home page lists them.
var roleStatuses = []string{"open", "paused", "draft", "filled", "closed"}

// roleTransitions are the lifecycle's moves: draft → open ⇄ paused →
// filled or closed. The employers service enforces them and names the
// moves a role allows now in its next_statuses; the pages fall back on
// this table only for a service that does not name them yet.
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

// roleCard is one role with the status changes it offers and, for a
// filled or closed role, until when it may be reopened.
type roleCard struct {
	role
	Actions []roleAction
	// ReopenNote says until when a filled or closed role may be reopened.
	ReopenNote string
}

// roleAction is one quick action: the status it moves to, and the
// message id of its button ("Reopen" for a paused role, "Open" for a
// draft).
type roleAction struct {
	To, LabelID string
}

// groupRoles sorts roles into their statuses, leaving out empty groups.
func groupRoles(l localizer, roles []role) []roleGroup {
	var out []roleGroup
	for _, st := range roleStatuses {
		g := roleGroup{Status: st}
		for _, r := range roles {
			if r.Status == st {
				g.Roles = append(g.Roles, roleCardOf(l, r))
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
	h.RoleGroups = groupRoles(s.i18n.localizer(s.i18n.language(c)), page.Items)
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
