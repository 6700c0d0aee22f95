package staff

import (
	"errors"
	"net/url"
	"slices"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// candidatePageSize is how many candidates one page of the list shows.
const candidatePageSize = 20

// candidateListPage is the organisation's candidates, searched and
// filtered, a page at a time.
type candidateListPage struct {
	Query, Setting, Programme string
	Settings, Programmes      []kit.Choice
	Candidates                []api.CandidateSummary
	NextHref                  string
	Filtered, Refused         bool
}

// filters are the chosen search and filters, as the address carries them.
func (d *candidateListPage) filters() url.Values {
	q := url.Values{}
	for k, val := range map[string]string{"q": d.Query, "setting": d.Setting, "programme": d.Programme} {
		if val != "" {
			q.Set(k, val)
		}
	}
	return q
}

// params are the filters as the API's query.
func (d *candidateListPage) params(cursor string) *api.ListCandidatesParams {
	limit := candidatePageSize
	q := &api.ListCandidatesParams{Limit: &limit, Q: optional(d.Query), Programme: optional(d.Programme), Cursor: optional(cursor)}
	if d.Setting != "" {
		setting := api.Setting(d.Setting)
		q.Setting = &setting
	}
	return q
}

// Candidates is GET /candidates. The search and the filters are in the
// address, so the page works without JavaScript and "More" keeps them.
func (p *Pages) Candidates(c *fiber.Ctx) error {
	v := p.kit.NewView(c, "/candidates")
	d := &candidateListPage{Query: kit.FormText(c, "q"), Setting: c.Query("setting"), Programme: c.Query("programme")}
	if !slices.Contains(candidateSettings, d.Setting) {
		d.Setting = ""
	}
	filters := d.filters()
	resp, err := p.kit.API.ListCandidatesWithResponse(kit.Ctx(c), d.params(c.Query("cursor")))
	switch {
	case err == nil:
		d.Candidates = resp.JSON200.Items
		if next := kit.Deref(resp.JSON200.NextCursor); next != "" {
			q := d.filters()
			q.Set("cursor", next)
			d.NextHref = "/candidates?" + q.Encode()
		}
	case errors.Is(err, errs.InvalidArgument):
		d.Refused = true
	default:
		return p.kit.ErrorPage(c, err)
	}
	d.Filtered = len(filters) > 0
	d.Settings = kit.Choices(v, "StaffSetting_", candidateSettings, d.Setting)
	d.Programmes = p.programmeChoices(c, d.Programme)
	v.Form["q"] = d.Query
	v.Data = d
	return p.tmpl.Render(c, fiber.StatusOK, "staff_candidates", v)
}
