package staff

import (
	"slices"
	"sync"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// Bounds that keep one page from fanning out or growing without end.
const (
	programmePageSize  = 50
	maxLabelLookups    = 30
	maxEmployerLookups = 20
)

// member is a colleague in the signed-in user's organisation.
type member struct {
	ID, Name string
}

// members are the people who can supervise a programme: the signed-in
// user's organisation, by name. Supervisor ids the form already carries
// that are not among them stay on the form, named if they are
// colleagues, so nothing ticked disappears. If the organisation cannot be
// listed the signed-in user is offered, as the candidates service's
// default supervisor.
func (p *Pages) members(c *fiber.Ctx, chosen []string) []member {
	a := kit.ActorOf(c)
	var out []member
	resp, err := p.kit.API.ListMembersWithResponse(kit.Ctx(c), a.OrgID)
	if err != nil {
		p.kit.LogFailure(c, "members", err)
	} else {
		for _, m := range resp.JSON200.Items {
			out = append(out, member{ID: m.ID, Name: m.Name})
		}
	}
	names := map[string]string{}
	for _, id := range append([]string{a.UserID}, chosen...) {
		if id != "" && !slices.ContainsFunc(out, func(m member) bool { return m.ID == id }) {
			out = append(out, member{ID: id, Name: p.colleagueName(c, names, id)})
		}
	}
	return out
}

// colleagueName names a user of the signed-in user's own organisation,
// for "attested by" and the supervisors of a programme. Anyone else, or an
// account that cannot be read, stays unnamed. names caches lookups for one
// page.
func (p *Pages) colleagueName(c *fiber.Ctx, names map[string]string, id string) string {
	if n, ok := names[id]; ok {
		return n
	}
	name := p.kit.ColleagueName(c, id)
	if names != nil {
		names[id] = name
	}
	return name
}

// skillRow is a skill by id with its name in the reader's language.
type skillRow struct {
	ID, Label string
}

// skillLabels names skills in the user's language, side by side and at
// most maxLabelLookups of them; a skill that cannot be looked up shows its
// id.
func (p *Pages) skillLabels(c *fiber.Ctx, v *kit.View, ids []string) []skillRow {
	rows := make([]skillRow, len(ids))
	ctx := kit.Ctx(c)
	var wg sync.WaitGroup
	for i, id := range ids {
		rows[i] = skillRow{ID: id, Label: id}
		if i >= maxLabelLookups {
			continue
		}
		wg.Go(func() {
			if it, err := p.kit.Skill(ctx, id, v.Lang); err == nil {
				rows[i].Label = kit.SkillName(it.Label, id)
			}
		})
	}
	wg.Wait()
	return rows
}

// programmes are the organisation's programmes. When they cannot be
// listed the page goes on without them.
func (p *Pages) programmes(c *fiber.Ctx) []api.Programme {
	limit := programmePageSize
	resp, err := p.kit.API.ListProgrammesWithResponse(kit.Ctx(c), &api.ListProgrammesParams{Limit: &limit})
	if err != nil {
		p.kit.LogFailure(c, "programmes", err)
		return nil
	}
	return resp.JSON200.Items
}

// programmeChoices are the organisation's programmes for a select.
func (p *Pages) programmeChoices(c *fiber.Ctx, chosen string) []kit.Choice {
	progs := p.programmes(c)
	out := make([]kit.Choice, 0, len(progs))
	for _, pr := range progs {
		out = append(out, kit.Choice{Value: pr.ID, Label: pr.Name, Selected: pr.ID == chosen})
	}
	return out
}

// programmeNames names the organisation's programmes by id.
func (p *Pages) programmeNames(c *fiber.Ctx) map[string]string {
	out := map[string]string{}
	for _, pr := range p.programmes(c) {
		out[pr.ID] = pr.Name
	}
	return out
}

// orNamed is an employer's profile name, or else the organisation's name
// an introduction or placement carries (an employer that has not written
// its profile yet has none).
func orNamed(profile string, carried *string) string {
	if profile != "" {
		return profile
	}
	return kit.Deref(carried)
}

// employerNames looks up the display name of each distinct employer, once
// each and at most maxEmployerLookups, side by side. An employer that
// cannot be looked up has no name; the roles still show.
func (p *Pages) employerNames(c *fiber.Ctx, employerIDs []string) map[string]string {
	var ids []string
	for _, id := range employerIDs {
		if id != "" && !slices.Contains(ids, id) && len(ids) < maxEmployerLookups {
			ids = append(ids, id)
		}
	}
	names := make(map[string]string, len(ids))
	var mu sync.Mutex
	var wg sync.WaitGroup
	ctx := kit.Ctx(c)
	var failed error
	for _, id := range ids {
		wg.Go(func() {
			resp, err := p.kit.API.GetEmployerWithResponse(ctx, id)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				failed = err
				return
			}
			names[id] = kit.Deref(resp.JSON200.DisplayName)
		})
	}
	wg.Wait()
	if failed != nil {
		p.kit.LogFailure(c, "employers", failed)
	}
	return names
}
