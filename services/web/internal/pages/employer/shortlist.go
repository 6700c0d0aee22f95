package employer

import (
	"errors"
	"net/url"
	"slices"
	"strconv"
	"sync"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// shortlistPageSize is how many candidates one page of a shortlist shows.
const shortlistPageSize = 20

// withinWeeks are the choices of the "available within" filter.
var withinWeeks = []int{4, 8, 12, 26, 52}

// shortlistView is the shortlist page.
type shortlistView struct {
	RoleID, RoleTitle string
	Filters           shortlistFilters
	Weeks             []kit.Choice
	Filtered          bool
	Total             int
	Full, Near        []shortlistCard
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

// shortlistCard is a candidate's card with, for the role's employer,
// the address of "Ask to meet" (introductions_ask.go).
type shortlistCard struct {
	kit.MatchCard
	AskHref string
}

// Empty reports whether the page has no candidates to show.
func (d *shortlistView) Empty() bool { return len(d.Full) == 0 && len(d.Near) == 0 }

// shortlistFilters narrow a shortlist, as the page's filter form and the
// API name them.
type shortlistFilters struct {
	FullOnly, DayRelease bool
	WithinWeeks          int
}

// values are the filters as the page's query string.
func (f shortlistFilters) values() url.Values {
	q := url.Values{}
	if f.FullOnly {
		q.Set("full_only", "true")
	}
	if f.DayRelease {
		q.Set("day_release", "true")
	}
	if f.WithinWeeks > 0 {
		q.Set("available_within_weeks", strconv.Itoa(f.WithinWeeks))
	}
	return q
}

// params are the filters, a page's cursor and the language as the API
// takes them.
func (f shortlistFilters) params(cursor, lang string) *api.GetShortlistParams {
	q := &api.GetShortlistParams{Limit: kit.Ptr(shortlistPageSize), Lang: kit.Ptr(lang)}
	if f.FullOnly {
		q.FullOnly = kit.Ptr(true)
	}
	if f.DayRelease {
		q.DayRelease = kit.Ptr(true)
	}
	if f.WithinWeeks > 0 {
		q.AvailableWithinWeeks = kit.Ptr(f.WithinWeeks)
	}
	if cursor != "" {
		q.Cursor = kit.Ptr(cursor)
	}
	return q
}

// ShowShortlist is GET /roles/:id/shortlist. The role's title and the
// candidates are asked for side by side; the shortlist's answer decides
// whether the user may see the page.
func (p *Pages) ShowShortlist(c *fiber.Ctx) error {
	id := c.Params("id")
	base := "/roles/" + url.PathEscape(id) + "/shortlist"
	v := p.kit.NewView(c, base)
	cursor := c.Query("cursor")
	d := &shortlistView{RoleID: id, ClearHref: base, Continued: cursor != "", CanEdit: kit.ActorOf(c).IsEmployer()}
	d.Filters = readShortlistFilters(c)
	d.Filtered = d.Filters != shortlistFilters{}
	d.Weeks = weekChoices(v, d.Filters.WithinWeeks)
	v.Path = base + queryString(d.Filters.values())

	var (
		page             *api.Shortlist
		listErr, roleErr error
		wg               sync.WaitGroup
	)
	ctx := kit.Ctx(c)
	wg.Go(func() {
		resp, err := p.kit.API.GetShortlistWithResponse(ctx, id, d.Filters.params(cursor, v.Lang))
		if listErr = err; err == nil {
			page = resp.JSON200
		}
	})
	wg.Go(func() {
		resp, err := p.kit.API.GetRoleWithResponse(ctx, id)
		if roleErr = err; err == nil {
			d.RoleTitle = resp.JSON200.Title
		}
	})
	wg.Wait()

	status := fiber.StatusOK
	switch {
	case errors.Is(listErr, errs.NotFound), errors.Is(listErr, errs.Forbidden):
		return p.kit.ErrorPage(c, listErr)
	case errors.Is(roleErr, errs.NotFound):
		// The API does not show this user the role either: never show a
		// shortlist for it.
		return p.kit.ErrorPage(c, roleErr)
	case errors.Is(listErr, errs.InvalidArgument):
		return p.kit.Message(c, fiber.StatusBadRequest, "MatchListChanged")
	case listErr != nil:
		p.kit.LogFailure(c, "shortlist", listErr)
		d.Unavailable, status = true, fiber.StatusServiceUnavailable
	default:
		p.fillShortlist(v, d, page, base, id)
	}
	v.Data = d
	return p.templates.Render(c, status, "matching_shortlist", v)
}

// fillShortlist puts one page of the shortlist on the page: full and near
// matches apart, and the link to the next page.
func (p *Pages) fillShortlist(v *kit.View, d *shortlistView, page *api.Shortlist, base, role string) {
	d.Total = page.Total
	for i, e := range page.Items {
		card := shortlistCard{MatchCard: kit.MatchCardOf(v, e, i+1)}
		if d.CanEdit && e.CandidateRef != "" {
			card.AskHref = askPath(role) + "?" + url.Values{"ref": {e.CandidateRef}, "alias": {card.Alias}}.Encode()
		}
		if card.Near {
			d.Near = append(d.Near, card)
		} else {
			d.Full = append(d.Full, card)
		}
	}
	if next := kit.Deref(page.NextCursor); next != "" {
		q := d.Filters.values()
		q.Set("cursor", next)
		d.MoreHref = base + queryString(q)
	}
}

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
func weekChoices(v *kit.View, selected int) []kit.Choice {
	out := []kit.Choice{{Value: "", Label: v.T("MatchWithinAny"), Selected: selected == 0}}
	for _, n := range withinWeeks {
		out = append(out, kit.Choice{Value: strconv.Itoa(n), Label: v.T("MatchWeeks", "Count", n), Selected: n == selected})
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
