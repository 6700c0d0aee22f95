package site

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

// catalogue names one of the matching service's vocabularies, as it
// appears in the API's paths and in the web UI's /suggest/:kind.
type catalogue string

// The vocabularies a picker can search.
const (
	skillsCatalogue      catalogue = "skills"
	occupationsCatalogue catalogue = "occupations"
	placesCatalogue      catalogue = "places"
)

// parseCatalogue accepts only the three vocabularies.
func parseCatalogue(s string) (catalogue, bool) {
	switch c := catalogue(s); c {
	case skillsCatalogue, occupationsCatalogue, placesCatalogue:
		return c, true
	}
	return "", false
}

// matchingTimeout bounds every call: a type-ahead that waits longer than
// this is no help, and a page must not hang on a slow search.
const matchingTimeout = 3 * time.Second

// errBadQuery is the matching service refusing a query: empty, too long
// or with control characters. The user can fix it.
var errBadQuery = fmt.Errorf("matching refused the query: %w", errs.InvalidArgument)

// matchingClient reads the matching service's vocabularies on behalf of
// the signed-in user, with the user's own access token. Its errors never
// carry the request's address, which holds what the user typed.
type matchingClient struct{ serviceClient }

func newMatchingClient(base string) *matchingClient {
	return &matchingClient{newServiceClient("matching", base, matchingTimeout)}
}

// searchParams are a vocabulary search's inputs. Lang is ignored for
// places, whose names are not translated; Country only narrows places.
type searchParams struct {
	Query, Lang, Country string
	Limit                int
}

func (p searchParams) values(cat catalogue) url.Values {
	v := url.Values{"q": {p.Query}}
	if p.Limit > 0 {
		v.Set("limit", strconv.Itoa(p.Limit))
	}
	if cat == placesCatalogue {
		if p.Country != "" {
			v.Set("country", p.Country)
		}
	} else if p.Lang != "" {
		v.Set("lang", p.Lang)
	}
	return v
}

// skillItem is a skill as the matching service describes it.
type skillItem struct {
	ID      string   `json:"id"`
	Label   string   `json:"label"`
	Kind    string   `json:"kind"`
	Parents []string `json:"parents"`
	Matched string   `json:"matched"`
}

// skillRequirement is one skill an occupation asks for, at a level from 1
// (works under supervision) to 4 (can instruct others).
type skillRequirement struct {
	Skill    string `json:"skill"`
	Label    string `json:"label"`
	MinLevel int    `json:"min_level"`
}

// occupationItem is an occupation with the skills it needs.
type occupationItem struct {
	ID        string             `json:"id"`
	Label     string             `json:"label"`
	Essential []skillRequirement `json:"essential_skills"`
	Optional  []skillRequirement `json:"optional_skills"`
}

// placeItem is a populated place.
type placeItem struct {
	ID         string  `json:"id"`
	Name       string  `json:"name"`
	Country    string  `json:"country"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	Population int     `json:"population"`
}

// search asks one vocabulary for the items matching p.
func search[T any](ctx context.Context, m *matchingClient, token string, cat catalogue, p searchParams) ([]T, error) {
	var list struct {
		Items []T `json:"items"`
	}
	if err := m.get(ctx, token, cat, "/api/v1/"+string(cat)+"?"+p.values(cat).Encode(), &list); err != nil {
		return nil, err
	}
	return list.Items, nil
}

// lookup fetches one item of a vocabulary by its id.
func lookup[T any](ctx context.Context, m *matchingClient, token string, cat catalogue, id, lang string) (T, error) {
	var item T
	path := "/api/v1/" + string(cat) + "/" + url.PathEscape(id)
	if lang != "" && cat != placesCatalogue {
		path += "?" + url.Values{"lang": {lang}}.Encode()
	}
	err := m.get(ctx, token, cat, path, &item)
	return item, err
}

// get calls the matching service and decodes its JSON answer into out. A
// refused query is errBadQuery, which the user can fix; a 401 or 403 means
// the services disagree on keys or audience, as the gateway has just
// verified the token itself, so it counts as unavailable.
func (m *matchingClient) get(ctx context.Context, token string, cat catalogue, path string, out any) error {
	err := m.call(ctx, token, http.MethodGet, path, nil, out)
	switch {
	case errors.Is(err, errs.InvalidArgument):
		return errBadQuery
	case errors.Is(err, errs.Forbidden), errors.Is(err, errs.Conflict):
		return fmt.Errorf("matching %s: %w", cat, errs.Unavailable)
	case err != nil:
		return fmt.Errorf("matching %s: %w", cat, err)
	}
	return nil
}
