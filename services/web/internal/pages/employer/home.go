package employer

import (
	"context"
	"html/template"
	"slices"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// employerRolesLimit is how many roles the home page asks for; a small
// employer has far fewer.
const employerRolesLimit = 100

// countsTimeout bounds the home page's one call for shortlist counts: the
// counts are a bonus, and the home page never waits long for them.
const countsTimeout = 1500 * time.Millisecond

// homeRoles is the employer's panel of the home page: the roles by status,
// with the shortlist counts of the open ones.
type homeRoles struct {
	RoleGroups []roleGroup
	// RolesUnavailable says the roles could not be read: the home page
	// still shows, with a note.
	RolesUnavailable bool
	// ShortlistCounts are the full and near matches of each open role, by
	// role id; a role without a count shows none.
	ShortlistCounts map[string]*shortlistCount
}

// shortlistCount is how many full and near matches a role's shortlist
// holds.
type shortlistCount struct {
	Full, Near int
}

// HomePanel is the employer's part of the home page (a kit.Panel): the
// result of the last role or profile form, and the employer's roles by
// status with their quick actions. It draws nothing for anyone but an
// employer's staff.
func (p *Pages) HomePanel(c *fiber.Ctx, v *kit.View) (template.HTML, error) {
	if !kit.ActorOf(c).IsEmployer() {
		return "", nil
	}
	if v.Flash != nil {
		roleNotice(v, v.Flash)
	}
	h := &homeRoles{}
	resp, err := p.kit.API.ListRolesWithResponse(kit.Ctx(c), &api.ListRolesParams{Limit: kit.Ptr(employerRolesLimit)})
	if err != nil {
		h.RolesUnavailable = true
		p.kit.LogFailure(c, "list roles", err)
	} else {
		h.RoleGroups = groupRoles(v, resp.JSON200.Items)
		h.ShortlistCounts = p.shortlistCounts(c, h.RoleGroups)
	}
	panel := *v
	panel.Data = h
	return p.templates.Fragment("home_roles", "employer-roles", &panel)
}

// shortlistCounts asks matching, in one call, how many full and near
// matches each open role has. When it cannot answer, the roles simply
// show no counts.
func (p *Pages) shortlistCounts(c *fiber.Ctx, groups []roleGroup) map[string]*shortlistCount {
	var ids []string
	for _, g := range groups {
		if g.Status != "open" {
			continue
		}
		for _, r := range g.Roles {
			ids = append(ids, r.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(kit.Ctx(c), countsTimeout)
	defer cancel()
	resp, err := p.kit.API.GetShortlistCountsWithResponse(ctx, &api.GetShortlistCountsParams{Role: &ids})
	if err != nil {
		p.kit.LogFailure(c, "shortlist counts", err)
		return nil
	}
	counts := make(map[string]*shortlistCount, len(resp.JSON200.Counts))
	for id, n := range resp.JSON200.Counts {
		counts[id] = &shortlistCount{Full: max(n.Full, 0), Near: max(n.Near, 0)}
	}
	return counts
}

// roleNotice puts the last role action on the home page: good news as a
// notice, a refused status change as an alert naming the allowed moves.
func roleNotice(v *kit.View, f *kit.Flash) {
	status := ""
	if knownStatus(f.Status) {
		status = v.T("RoleStatus_" + f.Status)
	}
	switch f.Kind {
	case kit.FlashRoleStatus:
		v.Notice = v.T("RoleStatusChanged", "Title", f.RoleTitle, "Status", status)
	case kit.FlashRoleSaved:
		v.Notice = v.T("RoleSaved", "Title", f.RoleTitle, "Status", status)
		if f.Notes > 0 {
			v.Notice += " " + v.T("RoleSavedNotes", "Count", f.Notes)
		}
	case kit.FlashProfileSaved:
		v.Notice = v.T("ProfileSaved")
	case kit.FlashRoleConflict:
		allowed := slices.DeleteFunc(slices.Clone(f.Allowed), func(st string) bool { return !knownStatus(st) })
		if len(allowed) == 0 {
			v.Alert = v.T("RoleStatusConflictFinal", "Status", status)
		} else {
			v.Alert = v.T("RoleStatusConflict", "Status", status, "List", statusList(v, allowed))
		}
	}
}
