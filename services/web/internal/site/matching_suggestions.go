package site

import (
	"errors"
	"net/url"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Bounds of the roles-that-fit lists: a few on the candidate page, a
// page at a time on the full list.
const (
	candidatePageFits = 5
	fitsPageSize      = 20
)

// fitsView is a list of roles that fit one candidate, for staff.
type fitsView struct {
	CandidateID string
	Items       []roleFit
	// MoreHref is "See all" on the candidate page and the next page on
	// the full list.
	MoreHref    string
	Unavailable bool
	// NoConsent: the candidate has not consented to matching, so no role
	// is suggested; the page links to ConsentHref to record it. Pending:
	// consent is recorded and the roles appear in a moment.
	NoConsent, Pending bool
	ConsentHref        string
}

// roleFit is one role that fits: the role and its employer, whether it
// is a full or a near match, and why, with the missing skills named.
type roleFit struct {
	RoleID, Title, Employer string
	Kind, Summary, WhyID    string
	Near                    bool
	Why                     whyView
}

// roleFits reads up to limit roles that fit the candidate, from cursor
// on, and names their employers, each looked up once. When matching
// cannot answer, the list says so and the page around it still shows.
func (s *site) roleFits(c *fiber.Ctx, v *view, candidateID, cursor string, limit int) (*fitsView, error) {
	f := &fitsView{CandidateID: candidateID, ConsentHref: candidateURL(candidateID, "consent")}
	page, err := s.matching.suggestions(c.UserContext(), accessToken(c), candidateID, cursor, v.Lang, limit)
	if err != nil {
		if !errors.Is(err, errs.NotFound) && !errors.Is(err, errs.Forbidden) && !errors.Is(err, errs.InvalidArgument) {
			s.logServiceFailure(c, "matching", err)
		}
		f.Unavailable = true
		return f, err
	}
	switch page.State {
	case suggestionsNoConsent:
		f.NoConsent = true
		return f, nil
	case suggestionsPending:
		f.Pending = true
		return f, nil
	}
	roles := make([]role, 0, len(page.Items))
	for _, it := range page.Items {
		roles = append(roles, role{ID: it.RoleID, EmployerID: it.EmployerID})
	}
	names := s.employerNames(c, roles)
	for i, it := range page.Items {
		near := it.Match == "near"
		kind := v.T("MatchKind_full")
		if near {
			kind = v.T("MatchKind_near")
		}
		f.Items = append(f.Items, roleFit{RoleID: it.RoleID, Title: it.Title, Employer: names[it.EmployerID],
			Kind: kind, Near: near, Summary: it.Explanation.Summary, WhyID: "fit-" + strconv.Itoa(i+1),
			Why: whyOf(v, it.Explanation, false)})
	}
	if page.NextCursor != "" {
		f.MoreHref = candidateURL(candidateID, "suggestions") + queryString(url.Values{"cursor": {page.NextCursor}})
	}
	return f, nil
}

// candidateFits is the "Roles that fit" section of the candidate page:
// at most candidatePageFits, with "See all" when there are any. It never
// fails the page.
func (s *site) candidateFits(c *fiber.Ctx, v *view, candidateID string) *fitsView {
	f, _ := s.roleFits(c, v, candidateID, "", candidatePageFits)
	if len(f.Items) > 0 {
		f.MoreHref = candidateURL(candidateID, "suggestions")
	}
	return f
}

// showSuggestions is GET /candidates/:id/suggestions: every role that
// fits the candidate, a page at a time. Another organisation's candidate
// is the not-found page, as matching answers.
func (s *site) showSuggestions(c *fiber.Ctx) error {
	id := c.Params("id")
	v := s.newView(c, candidateURL(id, "suggestions"))
	f, err := s.roleFits(c, v, id, c.Query("cursor"), fitsPageSize)
	status := fiber.StatusOK
	switch {
	case errors.Is(err, errs.NotFound), errors.Is(err, errs.Forbidden):
		return s.errorPage(c, err)
	case errors.Is(err, errs.InvalidArgument):
		return s.message(c, fiber.StatusBadRequest, "MatchListChanged")
	case err != nil:
		status = fiber.StatusServiceUnavailable
	}
	v.Data = f
	return s.render(c, status, "matching_suggestions", v)
}
