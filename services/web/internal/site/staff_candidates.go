package site

import (
	"errors"
	"net/url"
	"slices"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

// candidatePageSize is how many candidates one page of the list shows.
const candidatePageSize = "20"

// candidateListPage is the organisation's candidates, searched and
// filtered, a page at a time.
type candidateListPage struct {
	Query, Setting, Programme string
	Settings, Programmes      []choice
	Candidates                []candidateSummary
	NextHref                  string
	Filtered, Refused         bool
}

// listCandidatesPage is GET /candidates. The search and the filters are
// in the address, so the page works without JavaScript and "More" keeps
// them.
func (s *site) listCandidatesPage(c *fiber.Ctx) error {
	v := s.newView(c, "/candidates")
	d := &candidateListPage{Query: formText(c, "q"), Setting: c.Query("setting"), Programme: c.Query("programme")}
	if !slices.Contains(candidateSettings, d.Setting) {
		d.Setting = ""
	}
	filters := url.Values{}
	for k, val := range map[string]string{"q": d.Query, "setting": d.Setting, "programme": d.Programme} {
		if val != "" {
			filters.Set(k, val)
		}
	}
	q := url.Values{"limit": {candidatePageSize}}
	for k, vs := range filters {
		q[k] = vs
	}
	if cur := c.Query("cursor"); cur != "" {
		q.Set("cursor", cur)
	}
	page, err := s.candidates.listCandidates(c.UserContext(), accessToken(c), q)
	switch {
	case err == nil:
		d.Candidates = page.Items
		if page.NextCursor != "" {
			next := url.Values{"cursor": {page.NextCursor}}
			for k, vs := range filters {
				next[k] = vs
			}
			d.NextHref = "/candidates?" + next.Encode()
		}
	case errors.Is(err, errs.InvalidArgument):
		d.Refused = true
	default:
		return s.errorPage(c, err)
	}
	d.Filtered = len(filters) > 0
	d.Settings = choices(v, "StaffSetting_", candidateSettings, d.Setting)
	d.Programmes = s.programmeChoices(c, d.Programme)
	v.Form["q"] = d.Query
	v.Data = d
	return s.render(c, fiber.StatusOK, "staff_candidates", v)
}

// programmeChoices are the organisation's programmes for a select. When
// they cannot be listed the page goes on without them.
func (s *site) programmeChoices(c *fiber.Ctx, chosen string) []choice {
	page, err := s.candidates.listProgrammes(c.UserContext(), accessToken(c), url.Values{"limit": {programmePageSize}})
	if err != nil {
		s.logServiceFailure(c, "candidates", err)
		return nil
	}
	out := make([]choice, 0, len(page.Items))
	for _, p := range page.Items {
		out = append(out, choice{Value: p.ID, Label: p.Name, Selected: p.ID == chosen})
	}
	return out
}
