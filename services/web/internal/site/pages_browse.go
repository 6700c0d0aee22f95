package site

import (
	"errors"
	"net/url"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

// browseDistances are the distances, in kilometres, a place filter offers.
var browseDistances = []string{"5", "10", "25", "50", "100"}

// browsePageSize is how many roles one page of the browser shows.
const browsePageSize = "20"

// browsePage is the staff's browser of open roles.
type browsePage struct {
	Skill, Place                   *pickerData
	WithinKm, Sector, Contract     string
	DayRelease                     bool
	Distances, Sectors, Contracts  []choice
	Roles                          []roleSummary
	NextHref                       string
	Unavailable, Refused, Filtered bool
}

// roleSummary is one line of the role browser.
type roleSummary struct {
	ID, Title, Sector, Contract string
	Employer                    string
	Hours                       int
	DayRelease                  bool
}

// staffOnly lets programme staff and administrators through.
func (s *site) staffOnly(c *fiber.Ctx) error {
	if a := actor(c); !a.IsAdmin() && a.OrgKind != kindProgramme {
		return s.errorPage(c, errs.Forbidden)
	}
	return c.Next()
}

// browseRoles is GET /roles: every employer's open roles, filtered by
// skill, place and distance, sector, contract and day release. All the
// filters are in the address, so the page works without JavaScript and
// its "more" link keeps them.
func (s *site) browseRoles(c *fiber.Ctx) error {
	v := s.newView(c, "/roles")
	d := &browsePage{
		WithinKm: c.Query("within_km", "25"), Sector: c.Query("sector"), Contract: c.Query("contract"),
		DayRelease: c.Query("day_release") != "",
	}
	d.Skill = s.picker(c, v, pickerSpec{Name: "skill", Kind: skillsCatalogue, LabelID: "Field_skill", HintID: "HintBrowseSkill"})
	d.Place = s.picker(c, v, pickerSpec{Name: "near", Kind: placesCatalogue, LabelID: "Field_near"})
	filters := d.filters()
	q := url.Values{"status": {"open"}, "limit": {browsePageSize}}
	for k, vs := range filters {
		q[k] = vs
	}
	if cur := c.Query("cursor"); cur != "" {
		q.Set("cursor", cur)
	}
	page, err := s.employers.listRoles(c.UserContext(), accessToken(c), q)
	switch {
	case err == nil:
		names := s.employerNames(c, page.Items)
		for _, r := range page.Items {
			d.Roles = append(d.Roles, roleSummary{ID: r.ID, Title: r.Title, Sector: r.Sector, Contract: r.Contract,
				Employer: names[r.EmployerID], Hours: r.HoursPerWeek, DayRelease: r.DayReleaseOK})
		}
		if page.NextCursor != "" {
			filters.Set("cursor", page.NextCursor)
			d.NextHref = "/roles?" + filters.Encode()
		}
	case errors.Is(err, errs.InvalidArgument):
		d.Refused = true
	default:
		d.Unavailable = true
		s.logServiceFailure(c, "employers", err)
	}
	d.Filtered = len(filters) > 0
	d.Distances = choices(v, "Km_", browseDistances, d.WithinKm)
	d.Sectors = choices(v, "Nace_", naceSections, d.Sector)
	d.Contracts = choices(v, "Contract_", contracts, d.Contract)
	v.Data = d
	return s.render(c, fiber.StatusOK, "roles_browse", v)
}

// filters are the chosen filters as the employers service's query.
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
