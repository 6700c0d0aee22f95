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

// Bounds of the roles-that-fit lists: a few on the candidate page, a page
// at a time on the full list.
const (
	candidatePageFits = 5
	fitsPageSize      = 20
)

// fitsView is a list of roles that fit one candidate, for staff, as the
// kit's "matching-fits" template shows it.
type fitsView struct {
	CandidateID string
	Items       []roleFit
	// MoreHref is "See all" on the candidate page and the next page on the
	// full list.
	MoreHref    string
	Unavailable bool
	// NoConsent: the candidate has not consented to matching, so no role
	// is suggested; the page links to ConsentHref to record it. Pending:
	// consent is recorded and the roles appear in a moment.
	NoConsent, Pending bool
	ConsentHref        string
}

// roleFit is one role that fits: the role and its employer, whether it is
// a full or a near match, and why, with the missing skills named.
type roleFit struct {
	RoleID, Title, Employer string
	Kind, Summary, WhyID    string
	Near                    bool
	Why                     kit.Why
}

// roleFits reads up to limit roles that fit the candidate, from cursor
// on, and names their employers, each looked up once. When matching
// cannot answer, the list says so and the page around it still shows.
func (p *Pages) roleFits(c *fiber.Ctx, v *kit.View, candidateID, cursor string, limit int) (*fitsView, error) {
	f := &fitsView{CandidateID: candidateID, ConsentHref: candidateURL(candidateID, "consent")}
	lang := v.Lang
	resp, err := p.kit.API.GetSuggestionsWithResponse(kit.Ctx(c), candidateID,
		&api.GetSuggestionsParams{Limit: &limit, Cursor: optional(cursor), Lang: &lang})
	if err != nil {
		if !errors.Is(err, errs.NotFound) && !errors.Is(err, errs.Forbidden) && !errors.Is(err, errs.InvalidArgument) {
			p.kit.LogFailure(c, "matching", err)
		}
		f.Unavailable = true
		return f, err
	}
	page := resp.JSON200
	switch page.State {
	case api.SuggestionsStateNoConsent:
		f.NoConsent = true
		return f, nil
	case api.SuggestionsStatePending:
		f.Pending = true
		return f, nil
	}
	employers := make([]string, 0, len(page.Items))
	for _, it := range page.Items {
		employers = append(employers, it.EmployerID)
	}
	names := p.employerNames(c, employers)
	for i, it := range page.Items {
		near := it.Match == api.SuggestionsItemsMatchNear
		kind := v.T("MatchKind_full")
		if near {
			kind = v.T("MatchKind_near")
		}
		f.Items = append(f.Items, roleFit{RoleID: it.RoleID, Title: it.Title, Employer: names[it.EmployerID],
			Kind: kind, Near: near, Summary: it.Explanation.Summary, WhyID: "fit-" + strconv.Itoa(i+1),
			Why: kit.WhyOf(v, it.Explanation, false)})
	}
	if next := kit.Deref(page.NextCursor); next != "" {
		f.MoreHref = candidateURL(candidateID, "suggestions") + queryString(url.Values{"cursor": {next}})
	}
	return f, nil
}

// candidateFits is the "Roles that fit" section of the candidate page: at
// most candidatePageFits, with "See all" when there are any. It never
// fails the page.
func (p *Pages) candidateFits(c *fiber.Ctx, v *kit.View, candidateID string) *fitsView {
	f, _ := p.roleFits(c, v, candidateID, "", candidatePageFits)
	if len(f.Items) > 0 {
		f.MoreHref = candidateURL(candidateID, "suggestions")
	}
	return f
}

// Suggestions is GET /candidates/:id/suggestions: every role that fits
// the candidate, a page at a time. Another organisation's candidate is the
// not-found page, as matching answers.
func (p *Pages) Suggestions(c *fiber.Ctx) error {
	id := c.Params("id")
	v := p.kit.NewView(c, candidateURL(id, "suggestions"))
	f, err := p.roleFits(c, v, id, c.Query("cursor"), fitsPageSize)
	status := fiber.StatusOK
	switch {
	case errors.Is(err, errs.NotFound), errors.Is(err, errs.Forbidden):
		return p.kit.ErrorPage(c, err)
	case errors.Is(err, errs.InvalidArgument):
		return p.kit.Message(c, fiber.StatusBadRequest, "MatchListChanged")
	case err != nil:
		status = fiber.StatusServiceUnavailable
	}
	v.Data = f
	return p.tmpl.Render(c, status, "matching_suggestions", v)
}
