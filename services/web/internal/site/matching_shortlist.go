package site

import (
	"errors"
	"net/url"
	"slices"
	"strconv"
	"sync"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

// shortlistPageSize is how many candidates one page of a shortlist shows.
const shortlistPageSize = 20

// withinWeeks are the choices of the "available within" filter.
var withinWeeks = []int{4, 8, 12, 26, 52}

// registerMatchingPages mounts the matching pages: an employer's
// shortlist for a role, and the roles that fit a candidate for the
// candidate's programme staff. The matching service decides whose
// shortlist and whose suggestions each user may read.
func (s *site) registerMatchingPages(app *fiber.App) {
	app.Get("/roles/:id/shortlist", s.csrf, s.requireSession, s.shortlistReaders, s.showShortlist)
	app.Get("/candidates/:id/suggestions", s.csrf, s.requireSession, s.programmeStaffOnly, s.showSuggestions)
}

// shortlistReaders lets employers and platform administrators through,
// as the API does; programme staff get the forbidden page without a
// call.
func (s *site) shortlistReaders(c *fiber.Ctx) error {
	if a := actor(c); !a.IsAdmin() && a.OrgKind != kindEmployer {
		return s.errorPage(c, errs.Forbidden)
	}
	return c.Next()
}

// shortlistView is the shortlist page.
type shortlistView struct {
	RoleID, RoleTitle string
	Filters           shortlistFilters
	Weeks             []choice
	Filtered          bool
	Total             int
	Full, Near        []matchCard
	// Continued says this is a later page, so the full matches' heading
	// is not repeated for cards that merely continue a list.
	Continued   bool
	MoreHref    string
	ClearHref   string
	Unavailable bool
	// CanEdit offers the role form in the empty state: to the role's
	// employer, not to an administrator looking on.
	CanEdit bool
}

// showShortlist is GET /roles/:id/shortlist. The role's title comes from
// the employers service and the candidates from matching, side by side;
// matching's answer decides whether the user may see the page.
func (s *site) showShortlist(c *fiber.Ctx) error {
	id := c.Params("id")
	base := "/roles/" + url.PathEscape(id) + "/shortlist"
	v := s.newView(c, base)
	cursor := c.Query("cursor")
	d := &shortlistView{RoleID: id, ClearHref: base, Continued: cursor != "", CanEdit: actor(c).OrgKind == kindEmployer}
	d.Filters = readShortlistFilters(c)
	d.Filtered = d.Filters != shortlistFilters{}
	d.Weeks = weekChoices(v, d.Filters.WithinWeeks)
	v.Path = base + queryString(d.Filters.values())

	var (
		page             shortlistPage
		listErr, roleErr error
		wg               sync.WaitGroup
	)
	ctx, token := c.UserContext(), accessToken(c)
	wg.Go(func() {
		page, listErr = s.matching.shortlist(ctx, token, id, d.Filters, cursor, v.Lang, shortlistPageSize)
	})
	wg.Go(func() {
		var r role
		if r, roleErr = s.employers.getRole(ctx, token, id); roleErr == nil {
			d.RoleTitle = r.Title
		}
	})
	wg.Wait()

	status := fiber.StatusOK
	switch {
	case errors.Is(listErr, errs.NotFound), errors.Is(listErr, errs.Forbidden):
		return s.errorPage(c, listErr)
	case errors.Is(roleErr, errs.NotFound):
		// The employers service does not show this user the role either:
		// never show a shortlist for it.
		return s.errorPage(c, roleErr)
	case errors.Is(listErr, errs.InvalidArgument):
		return s.message(c, fiber.StatusBadRequest, "MatchListChanged")
	case listErr != nil:
		s.logServiceFailure(c, "matching", listErr)
		d.Unavailable, status = true, fiber.StatusServiceUnavailable
	default:
		d.Total = page.Total
		for i, e := range page.Items {
			card := matchCardOf(v, e, i+1)
			if card.Near {
				d.Near = append(d.Near, card)
			} else {
				d.Full = append(d.Full, card)
			}
		}
		if page.NextCursor != "" {
			q := d.Filters.values()
			q.Set("cursor", page.NextCursor)
			d.MoreHref = base + queryString(q)
		}
	}
	v.Data = d
	return s.render(c, status, "matching_shortlist", v)
}

// Empty reports whether the page has no candidates to show.
func (d *shortlistView) Empty() bool { return len(d.Full) == 0 && len(d.Near) == 0 }

// readShortlistFilters reads the filter form. Values the form does not
// offer are ignored rather than refused: the page is a GET anyone can
// edit in the address bar.
func readShortlistFilters(c *fiber.Ctx) shortlistFilters {
	f := shortlistFilters{FullOnly: c.Query("full_only") == "true", DayRelease: c.Query("day_release") == "true"}
	if n, err := strconv.Atoi(c.Query("available_within_weeks")); err == nil && slices.Contains(withinWeeks, n) {
		f.WithinWeeks = n
	}
	return f
}

// weekChoices are the options of the "available within" select.
func weekChoices(v *view, selected int) []choice {
	out := []choice{{Value: "", Label: v.T("MatchWithinAny"), Selected: selected == 0}}
	for _, n := range withinWeeks {
		out = append(out, choice{Value: strconv.Itoa(n), Label: v.T("MatchWeeks", "Count", n), Selected: n == selected})
	}
	return out
}

// queryString is "?" and the encoded query, or "" for none.
func queryString(q url.Values) string {
	if len(q) == 0 {
		return ""
	}
	return "?" + q.Encode()
}
