package staff

import (
	"errors"
	"net/url"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// browseDistances are the distances, in kilometres, a place filter offers.
var browseDistances = []string{"5", "10", "25", "50", "100"}

// browsePageSize is how many roles one page of the browser shows.
const browsePageSize = 20

// browsePage is the browser of every employer's open roles, for programme
// staff and platform administrators.
type browsePage struct {
	Skill, Place                   *kit.Picker
	WithinKm, Sector, Contract     string
	DayRelease                     bool
	Distances, Sectors, Contracts  []kit.Choice
	Roles                          []roleSummary
	NextHref                       string
	Unavailable, Refused, Filtered bool
}

// roleSummary is one line of the role browser; Sector is the sector's
// name.
type roleSummary struct {
	ID, Title, Sector, Contract string
	Employer                    string
	Hours                       int
	DayRelease                  bool
}

// BrowseRoles is GET /roles: every employer's open roles, filtered by
// skill, place and distance, sector, contract and day release. All the
// filters are in the address, so the page works without JavaScript and
// its "more" link keeps them.
func (p *Pages) BrowseRoles(c *fiber.Ctx) error {
	v := p.kit.NewView(c, "/roles")
	d := &browsePage{
		WithinKm: c.Query("within_km", "25"), Sector: c.Query("sector"), Contract: c.Query("contract"),
		DayRelease: c.Query("day_release") != "",
	}
	d.Skill = p.kit.Picker(c, v, kit.PickerSpec{Name: "skill", Kind: kit.Skills, LabelID: "Field_skill", HintID: "HintBrowseSkill"})
	d.Place = p.kit.Picker(c, v, kit.PickerSpec{Name: "near", Kind: kit.Places, LabelID: "Field_near"})
	sectors := p.sectorNames(c, v)
	filters := d.filters()
	resp, err := p.kit.API.ListRolesWithResponse(kit.Ctx(c), d.params(c.Query("cursor")))
	switch {
	case err == nil:
		employers := make([]string, 0, len(resp.JSON200.Items))
		for _, r := range resp.JSON200.Items {
			employers = append(employers, r.EmployerID)
		}
		names := p.employerNames(c, employers)
		for _, r := range resp.JSON200.Items {
			d.Roles = append(d.Roles, roleSummaryOf(r, names, sectors))
		}
		if next := kit.Deref(resp.JSON200.NextCursor); next != "" {
			q := d.filters()
			q.Set("cursor", next)
			d.NextHref = "/roles?" + q.Encode()
		}
	case errors.Is(err, errs.InvalidArgument):
		d.Refused = true
	default:
		d.Unavailable = true
		p.kit.LogFailure(c, "roles", err)
	}
	d.Filtered = len(filters) > 0
	d.Distances = kit.Choices(v, "Km_", browseDistances, d.WithinKm)
	d.Sectors = sectorChoices(v, sectors, d.Sector)
	d.Contracts = kit.Choices(v, "Contract_", contracts, d.Contract)
	v.Data = d
	return p.tmpl.Render(c, fiber.StatusOK, "roles_browse", v)
}

// roleSummaryOf is one role as the browser lists it.
func roleSummaryOf(r api.Role, employers map[string]string, sectors map[string]string) roleSummary {
	sector := sectors[r.Sector]
	if sector == "" {
		sector = r.Sector
	}
	return roleSummary{ID: r.ID, Title: r.Title, Sector: sector, Contract: string(r.Contract),
		Employer: employers[r.EmployerID], Hours: r.HoursPerWeek, DayRelease: r.DayReleaseOk}
}

// sectorNames are the sectors' names in the reader's language, by code,
// as the API names them; without an answer the kit's NACE names serve.
func (p *Pages) sectorNames(c *fiber.Ctx, v *kit.View) map[string]string {
	names := map[string]string{}
	lang := v.Lang
	resp, err := p.kit.API.ListSectorsWithResponse(kit.Ctx(c), &api.ListSectorsParams{Lang: &lang})
	if err != nil {
		p.kit.LogFailure(c, "sectors", err)
		for _, code := range naceSections {
			names[code] = v.T("Nace_" + code)
		}
		return names
	}
	for _, s := range resp.JSON200.Items {
		names[s.Code] = s.Name
	}
	return names
}

// sectorChoices are the sectors for the filter, in NACE order.
func sectorChoices(v *kit.View, names map[string]string, chosen string) []kit.Choice {
	out := make([]kit.Choice, 0, len(naceSections))
	for _, code := range naceSections {
		if name, ok := names[code]; ok {
			out = append(out, kit.Choice{Value: code, Label: name, Selected: code == chosen})
		}
	}
	return out
}

// filters are the chosen filters, as the address carries them.
func (d *browsePage) filters() url.Values {
	q := url.Values{}
	if d.Skill.Value != "" {
		q.Set("skill", d.Skill.Value)
	}
	if d.Place.Value != "" {
		q.Set("near", d.Place.Value)
		if _, err := strconv.Atoi(d.WithinKm); err == nil {
			q.Set("within_km", d.WithinKm)
		}
	}
	if d.Sector != "" {
		q.Set("sector", d.Sector)
	}
	if d.Contract != "" {
		q.Set("contract", d.Contract)
	}
	if d.DayRelease {
		q.Set("day_release", "true")
	}
	return q
}

// params are the filters as the API's query, for open roles only.
func (d *browsePage) params(cursor string) *api.ListRolesParams {
	open, limit := api.RoleStatusOpen, browsePageSize
	q := &api.ListRolesParams{Status: &open, Limit: &limit, Skill: optional(d.Skill.Value), Sector: optional(d.Sector), Cursor: optional(cursor)}
	if d.Place.Value != "" {
		q.Near = optional(d.Place.Value)
		if km, err := strconv.Atoi(d.WithinKm); err == nil {
			within := float64(km)
			q.WithinKm = &within
		}
	}
	if d.Contract != "" {
		contract := api.Contract(d.Contract)
		q.Contract = &contract
	}
	if d.DayRelease {
		yes := true
		q.DayRelease = &yes
	}
	return q
}
