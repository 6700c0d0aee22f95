package insights

import (
	"errors"
	"slices"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// Bounds that keep one report from fanning out without end: the
// organisations and programmes a select offers (pages of listPageSize),
// and the occupations and employers looked up by name, side by side.
const (
	listPageSize  = 100
	maxListPages  = 5
	maxLookups    = 40
	shortIDLength = 6
)

// The group values the insights service writes for everyone, for a value
// not known, and for people in no programme.
const (
	groupAll     = "all"
	groupUnknown = "unknown"
	groupNone    = "none"
)

// labels names the groups of a report in the reader's language: ids
// become the names the reader may read (their programmes, the
// organisations they may choose, occupations from the vocabulary,
// employers for platform administrators), codes become words. A name
// that cannot be read shows a neutral label with the id's start, so
// groups stay apart.
type labels struct {
	v             *kit.View
	programmes    map[string]string
	organisations map[string]string
	occupations   map[string]string
	employers     map[string]string
}

// group names group of dimension d.
func (l *labels) group(d api.InsightsDimension, group string) string {
	v := l.v
	switch {
	case group == groupAll:
		return v.T("InsightsGroupAll")
	case group == groupUnknown:
		return v.T("InsightsNotKnown")
	case group == groupNone && (d == api.InsightsDimensionProgramme || d == api.InsightsDimensionProgrammeKind):
		return v.T("InsightsNoProgramme")
	}
	switch d {
	case api.InsightsDimensionProgramme:
		return named(l.programmes, group, v.T("InsightsUnnamedProgramme", "Text", shortID(group)))
	case api.InsightsDimensionOrganisation:
		return named(l.organisations, group, v.T("InsightsUnnamedOrganisation", "Text", shortID(group)))
	case api.InsightsDimensionOccupation:
		return named(l.occupations, group, group)
	case api.InsightsDimensionProgrammeKind:
		return v.TOr("StaffKind_"+group, group)
	case api.InsightsDimensionSetting, api.InsightsDimensionUrban, api.InsightsDimensionContract:
		return v.TOr("Insights_"+string(d)+"_"+group, group)
	case api.InsightsDimensionCountry:
		return kit.CountryName(v.Localizer, group)
	case api.InsightsDimensionRegion:
		return l.region(group)
	}
	return group
}

// region names a region group, written country.code: in the reader's
// language where the locale files name it (Flanders), else by the name
// pkg/geo knows in the country's own language (Noord-Brabant), else the
// country and the code; or the country alone with "region not known".
func (l *labels) region(group string) string {
	country, code, _ := strings.Cut(group, ".")
	name := kit.CountryName(l.v.Localizer, country)
	switch {
	case code == groupUnknown:
		return l.v.T("InsightsRegionUnknown", "Country", name)
	case code == "":
		return group
	}
	fallback := l.v.T("InsightsRegionCode", "Country", name, "Text", code)
	if own, ok := geo.RegionName(group); ok {
		fallback = own
	}
	return l.v.TOr("InsightsRegion_"+country+"_"+code, fallback)
}

// employer names an employer organisation of the platform's table.
func (l *labels) employer(id string) string {
	return named(l.employers, id, l.v.T("InsightsUnnamedEmployer", "Text", shortID(id)))
}

// named is names[id], or fallback when it has no name.
func named(names map[string]string, id, fallback string) string {
	if n := names[id]; n != "" {
		return n
	}
	return fallback
}

// shortID is the end of an id, enough to tell groups apart: ids made in
// the same second may share their start.
func shortID(id string) string {
	if len(id) > shortIDLength {
		return id[len(id)-shortIDLength:]
	}
	return id
}

// occupationNames names the occupations among ids in the reader's
// language, side by side and at most maxLookups of them; one that cannot
// be looked up keeps its id.
func (p *Pages) occupationNames(c *fiber.Ctx, lang string, ids []string) map[string]string {
	return p.lookUp(c, "occupations", ids, func(id string) (string, error) {
		o, err := p.k.Occupation(kit.Ctx(c), id, lang)
		return o.Label, err
	})
}

// employerNames names employer organisations, as platform
// administrators may read them.
func (p *Pages) employerNames(c *fiber.Ctx, ids []string) map[string]string {
	return p.lookUp(c, "employers", ids, func(id string) (string, error) {
		resp, err := p.k.API.GetOrganisationWithResponse(kit.Ctx(c), id)
		if err != nil {
			return "", err
		}
		return resp.JSON200.Name, nil
	})
}

// lookUp names each distinct id once, at most maxLookups of them, side by
// side; a failure leaves the id unnamed, and one other than "not found"
// is logged once.
func (p *Pages) lookUp(c *fiber.Ctx, what string, ids []string, name func(id string) (string, error)) map[string]string {
	var distinct []string
	for _, id := range ids {
		if id != "" && id != groupUnknown && !slices.Contains(distinct, id) && len(distinct) < maxLookups {
			distinct = append(distinct, id)
		}
	}
	out := make(map[string]string, len(distinct))
	var mu sync.Mutex
	var wg sync.WaitGroup
	var failed error
	for _, id := range distinct {
		wg.Go(func() {
			n, err := name(id)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				out[id] = n
			case !errors.Is(err, errs.NotFound):
				failed = err
			}
		})
	}
	wg.Wait()
	if failed != nil {
		p.k.LogFailure(c, what, failed)
	}
	return out
}
