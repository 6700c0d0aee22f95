package employer

import (
	"slices"
	"strings"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
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

// knownStatus guards message ids built from a status.
func knownStatus(st string) bool { return slices.Contains(roleStatuses, st) }

// finalStatus reports whether a move to st ends the role's life.
func finalStatus(st string) bool { return st == "filled" || st == "closed" }

// roleSummary is what the role's cards and status pages show of a role.
type roleSummary struct {
	ID, Title, Status string
	Version           int64
	// NextStatuses are the moves the role allows now, as the service
	// names them (nil when it does not).
	NextStatuses []string
	// ReopenUntil is set while a filled or closed role may be reopened.
	ReopenUntil string
	reopenable  bool
}

// roleSummaryOf converts the API's role for the cards and status pages.
func roleSummaryOf(v *kit.View, r api.Role) roleSummary {
	s := roleSummary{ID: r.ID, Title: r.Title, Status: string(r.Status), Version: r.Version}
	if r.NextStatuses != nil {
		s.NextStatuses = make([]string, 0, len(*r.NextStatuses))
		for _, st := range *r.NextStatuses {
			s.NextStatuses = append(s.NextStatuses, string(st))
		}
	}
	if r.ReopenUntil != nil {
		s.ReopenUntil, s.reopenable = v.DateTime(*r.ReopenUntil), true
	}
	return s
}

// roleCard is one role with the status changes it offers and, for a
// filled or closed role, until when it may be reopened.
type roleCard struct {
	roleSummary
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

// roleCardOf is a role with the status changes it offers now, as the
// employers service names them in next_statuses.
func roleCardOf(v *kit.View, r roleSummary) roleCard {
	card := roleCard{roleSummary: r}
	next := r.NextStatuses
	if next == nil {
		next = roleTransitions[r.Status]
	}
	for _, to := range next {
		if knownStatus(to) {
			card.Actions = append(card.Actions, roleAction{To: to, LabelID: actionLabel(r.Status, to)})
		}
	}
	if finalStatus(r.Status) && r.reopenable && len(card.Actions) > 0 {
		card.ReopenNote = v.T("EmpReopenUntil", "Text", r.ReopenUntil)
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

// roleGroup is the roles of one status on the employer's home page.
type roleGroup struct {
	Status string
	Roles  []roleCard
}

// groupRoles sorts roles into their statuses, leaving out empty groups.
func groupRoles(v *kit.View, roles []api.Role) []roleGroup {
	var out []roleGroup
	for _, st := range roleStatuses {
		g := roleGroup{Status: st}
		for _, r := range roles {
			if string(r.Status) == st {
				g.Roles = append(g.Roles, roleCardOf(v, roleSummaryOf(v, r)))
			}
		}
		if len(g.Roles) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// statusList names statuses in the user's language: "open, closed".
func statusList(v *kit.View, statuses []string) string {
	names := make([]string, 0, len(statuses))
	for _, st := range statuses {
		names = append(names, v.T("RoleStatus_"+st))
	}
	return strings.Join(names, ", ")
}
