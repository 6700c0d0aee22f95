package me

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// jobsLimit is how many jobs the page lists: a short list reads better
// on a phone than a long one.
const jobsLimit = 20

// jobsPage is /me/jobs: the roles matching suggests, each with why it
// fits and what is missing, in the kit's words every matching page uses.
type jobsPage struct {
	Items []jobFit
	// NoConsent: no jobs without consent; Pending: they come in a moment;
	// Unavailable: matching did not answer.
	NoConsent, Pending, Unavailable bool
}

// jobFit is one role that fits.
type jobFit struct {
	Title, Kind, Summary, WhyID string
	Near                        bool
	Why                         kit.Why
}

// Jobs is GET /me/jobs. When matching cannot answer, the page says so
// and still shows.
func (p *Pages) Jobs(c *fiber.Ctx) error {
	v := p.k.NewView(c, "/me/jobs")
	d := &jobsPage{}
	v.Data = d
	limit, lang := jobsLimit, v.Lang
	resp, err := p.k.API.GetSuggestionsWithResponse(kit.Ctx(c), self(c), &api.GetSuggestionsParams{Limit: &limit, Lang: &lang})
	if err != nil {
		p.k.LogFailure(c, "matching", err)
		d.Unavailable = true
		return p.tmpl.Render(c, fiber.StatusOK, "me_jobs", v)
	}
	page := resp.JSON200
	d.NoConsent = page.State == api.SuggestionsStateNoConsent
	d.Pending = page.State == api.SuggestionsStatePending
	for i, it := range page.Items {
		near := it.Match == api.SuggestionsItemsMatchNear
		kind := v.T("MeJobFull")
		if near {
			kind = v.T("MeJobNear")
		}
		d.Items = append(d.Items, jobFit{Title: it.Title, Kind: kind, Near: near, Summary: it.Explanation.Summary,
			WhyID: "job-" + strconv.Itoa(i+1), Why: kit.WhyOf(v, it.Explanation, false)})
	}
	return p.tmpl.Render(c, fiber.StatusOK, "me_jobs", v)
}
