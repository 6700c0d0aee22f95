package enginegen

import (
	"cmp"
	"math/rand/v2"
	"slices"

	"github.com/onward-jobs/onward/pkg/geo"
)

// country is one country of the platform's footprint.
type country struct {
	code string
}

// countries is the footprint: where the detention-house movement works.
var countries = []country{{"BE"}, {"NL"}, {"LU"}, {"DE"}, {"FR"}, {"NO"}}

// place is one gazetteer place, reduced to what generation needs.
type place struct {
	lat, lon   float64
	country    uint8 // index in countries
	population int
}

// placeTable draws places in proportion to their population, from the
// whole footprint or from one country.
type placeTable struct {
	places    []place
	byCountry [][]int32 // positions in places, per country
	inCountry []weighted
	country   weighted
}

// collectPlaces gathers the populated places of every country through
// Suggest, since the gazetteer has no listing: each two-letter prefix
// yields up to MaxSuggestLimit places, the most populous first, and
// together they cover every town. Places without a population are
// dropped, since they would never be drawn.
func collectPlaces(g *geo.Gazetteer) placeTable {
	var t placeTable
	shares := make([]float64, len(countries)) // a country's population
	for ci, c := range countries {
		seen := map[string]bool{}
		var found []geo.Place
		for a := 'a'; a <= 'z'; a++ {
			for b := 'a'; b <= 'z'; b++ {
				for _, m := range g.Suggest(string([]rune{a, b}), c.code, geo.MaxSuggestLimit) {
					if p := m.Place; !seen[p.ID] && p.Population > 0 && p.Country == c.code {
						seen[p.ID] = true
						found = append(found, p)
					}
				}
			}
		}
		// Suggest's order depends on the prefixes; the table must not.
		slices.SortFunc(found, func(a, b geo.Place) int {
			return cmp.Or(cmp.Compare(len(a.ID), len(b.ID)), cmp.Compare(a.ID, b.ID))
		})
		var idx []int32
		var pops []float64
		for _, p := range found {
			idx = append(idx, int32(len(t.places)))
			pops = append(pops, float64(p.Population))
			shares[ci] += float64(p.Population)
			t.places = append(t.places, place{lat: p.Lat, lon: p.Lon, country: uint8(ci), population: p.Population})
		}
		if len(idx) == 0 {
			panic("enginegen: the gazetteer has no places in " + c.code)
		}
		t.byCountry = append(t.byCountry, idx)
		t.inCountry = append(t.inCountry, newWeighted(pops))
	}
	t.country = newWeighted(shares)
	return t
}

// pick draws a place anywhere in the footprint: a country by its
// population, then a place in it by its own.
func (t *placeTable) pick(r *rand.Rand) int32 {
	return t.pickIn(r, t.country.pick(r))
}

// pickIn draws a place in country ci.
func (t *placeTable) pickIn(r *rand.Rand, ci int) int32 {
	return t.byCountry[ci][t.inCountry[ci].pick(r)]
}

// house is a detention or transition house.
type house struct {
	place int32
	org   int
}

// localLanguage is the language most people speak at p: Belgium splits
// roughly at 50.75° north (Brussels, Leuven and Kortrijk Dutch-speaking in
// this model; Liège, Namur and Mons French-speaking).
func localLanguage(p place) string {
	switch countries[p.country].code {
	case "BE":
		if p.lat >= 50.75 {
			return "nl"
		}
		return "fr"
	case "NL":
		return "nl"
	case "DE":
		return "de"
	case "FR":
		return "fr"
	case "NO":
		return "no"
	case "LU":
		return "lb"
	}
	return "en"
}

// secondLanguage is the other language people at p often learn at school.
func secondLanguage(p place) string {
	switch countries[p.country].code {
	case "BE":
		if p.lat >= 50.75 {
			return "fr"
		}
		return "nl"
	case "LU":
		return "fr"
	case "NL", "NO":
		return "de"
	}
	return "en"
}

// migrantLanguages are the mother tongues of people who grew up elsewhere,
// most common first.
var migrantLanguages = newChoice(
	[]string{"ar", "tr", "pl", "ro", "ru", "es", "pt", "it", "so", "ti", "fa", "sq", "uk"},
	20, 14, 12, 10, 8, 7, 6, 5, 5, 4, 4, 3, 2,
)
