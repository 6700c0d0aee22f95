package kit

import (
	"context"
	"errors"
	"fmt"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
)

// Catalogue names one of the matching service's vocabularies, as it
// appears in the API's paths and in the web app's /suggest/:kind.
type Catalogue string

// The vocabularies a picker can search.
const (
	Skills      Catalogue = "skills"
	Occupations Catalogue = "occupations"
	Places      Catalogue = "places"
)

// parseCatalogue accepts only the three vocabularies.
func parseCatalogue(s string) (Catalogue, bool) {
	switch c := Catalogue(s); c {
	case Skills, Occupations, Places:
		return c, true
	}
	return "", false
}

// errBadQuery is the matching service refusing a query: empty, too long
// or with control characters. The user can fix it.
var errBadQuery = fmt.Errorf("matching refused the query: %w", errs.InvalidArgument)

// searchParams are a vocabulary search's inputs. Lang is ignored for
// places, whose names are not translated; Country only narrows places.
type searchParams struct {
	Query, Lang, Country string
	Limit                int
}

// Skill looks a skill up by its id, labelled in lang.
func (k *Kit) Skill(ctx context.Context, id, lang string) (api.SkillDetail, error) {
	resp, err := k.API.GetSkillWithResponse(ctx, id, &api.GetSkillParams{Lang: &lang})
	if err != nil {
		return api.SkillDetail{}, vocabularyError(Skills, err)
	}
	return *resp.JSON200, nil
}

// Occupation looks an occupation, with the skills it needs, up by its id.
func (k *Kit) Occupation(ctx context.Context, id, lang string) (api.Occupation, error) {
	resp, err := k.API.GetOccupationWithResponse(ctx, id, &api.GetOccupationParams{Lang: &lang})
	if err != nil {
		return api.Occupation{}, vocabularyError(Occupations, err)
	}
	return *resp.JSON200, nil
}

// Place looks a populated place up by its id.
func (k *Kit) Place(ctx context.Context, id string) (api.Place, error) {
	resp, err := k.API.GetPlaceWithResponse(ctx, id)
	if err != nil {
		return api.Place{}, vocabularyError(Places, err)
	}
	return *resp.JSON200, nil
}

// search asks one vocabulary for the items matching p, as suggestions in
// l's language.
func (k *Kit) search(ctx context.Context, cat Catalogue, p searchParams, l Localizer) ([]suggestion, error) {
	var limit *int
	if p.Limit > 0 {
		limit = &p.Limit
	}
	switch cat {
	case Skills:
		resp, err := k.API.SearchSkillsWithResponse(ctx, &api.SearchSkillsParams{Q: p.Query, Lang: &p.Lang, Limit: limit})
		if err != nil {
			return nil, vocabularyError(cat, err)
		}
		return convert(resp.JSON200.Items, func(it api.SkillItem) suggestion { return skillSuggestion(it, l) }), nil
	case Occupations:
		resp, err := k.API.SearchOccupationsWithResponse(ctx, &api.SearchOccupationsParams{Q: p.Query, Lang: &p.Lang, Limit: limit})
		if err != nil {
			return nil, vocabularyError(cat, err)
		}
		return convert(resp.JSON200.Items, func(it api.Occupation) suggestion { return occupationSuggestion(it, l) }), nil
	default:
		var country *string
		if p.Country != "" {
			country = &p.Country
		}
		resp, err := k.API.SearchPlacesWithResponse(ctx, &api.SearchPlacesParams{Q: p.Query, Country: country, Limit: limit})
		if err != nil {
			return nil, vocabularyError(cat, err)
		}
		return convert(resp.JSON200.Items, func(it api.Place) suggestion { return placeSuggestion(it, l) }), nil
	}
}

// vocabularyError sorts a failed vocabulary call: a refused query is
// errBadQuery, which the user can fix; a 403 or 409 means the
// services disagree on audience, as the gateway has just verified
// the token itself, so it counts as unavailable.
func vocabularyError(cat Catalogue, err error) error {
	switch {
	case errors.Is(err, errs.InvalidArgument):
		return errBadQuery
	case errors.Is(err, errs.NotFound):
		return fmt.Errorf("matching %s: %w", cat, errs.NotFound)
	case errors.Is(err, errs.Forbidden), errors.Is(err, errs.Conflict):
		return fmt.Errorf("matching %s: %w", cat, errs.Unavailable)
	}
	return fmt.Errorf("matching %s: %w", cat, err)
}
