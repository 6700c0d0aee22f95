package geo

import "github.com/onward-jobs/onward/pkg/textkey"

// Match quality, highest first. Suggest ranks by these tiers, then by
// population, because a person typing "Bergen" most likely means the big
// Bergen and typing "Gen" most likely means Genève or Genova, not Genolier.
const (
	ScoreExactName   = 1.0 // the normalised query is the place's name
	ScoreExactAlias  = 0.9 // ... is one of its alternative names
	ScorePrefix      = 0.7 // ... starts the name or an alternative name
	ScoreTokenPrefix = 0.5 // ... starts a later word of one ("haag")
	ScoreTypo        = 0.3 // ... is one edit away from a prefix of one
)

// Limits on Suggest's limit argument.
const (
	// DefaultSuggestLimit is the number of suggestions for a limit <= 0.
	DefaultSuggestLimit = 10
	// MaxSuggestLimit bounds the limit, and so the work of one query.
	MaxSuggestLimit = 100
)

// PlaceMatch is one suggestion: the place, the name or alternative name the
// query matched (for display: "Den Haag" rather than "The Hague" when the
// person typed that), and the match quality (one of the Score constants).
type PlaceMatch struct {
	Place   Place
	Matched string
	Score   float64
}

// Suggest returns the places whose names match q, best first: by match
// quality (exact name, exact alternative name, prefix, prefix of a later
// word, one typo in a word of five or more letters), then by population,
// then by id. Matching ignores case, accents and punctuation. country, in
// either case, keeps only that country's places; "" keeps all, and a code
// without places gives no results. limit <= 0 means DefaultSuggestLimit,
// and limits above MaxSuggestLimit are lowered to it. An empty query gives
// no results rather than every place.
func (g *Gazetteer) Suggest(q, country string, limit int) []PlaceMatch {
	if limit <= 0 {
		limit = DefaultSuggestLimit
	}
	limit = min(limit, MaxSuggestLimit)
	wantCountry := -1
	if country != "" {
		if wantCountry = g.countryIndex(country); wantCountry < 0 {
			return nil
		}
	}
	var qbuf [64]byte
	nq := string(textkey.Append(qbuf[:0], q))
	if nq == "" {
		return nil
	}

	r := ranker{list: make([]candidate, 0, limit), limit: limit}
	from, to := g.prefixRange(nq, 0, len(g.index))
	for i := from; i < to; i++ {
		e := &g.index[i]
		if wantCountry >= 0 && int(e.country) != wantCountry {
			continue
		}
		r.offer(candidate{score: prefixScore(e, len(nq)), population: e.population, place: e.place, entry: int32(i), alias: e.name >= 0})
	}
	// Typos are searched only while weaker matches could still make the
	// list, which keeps common queries as fast as a single prefix range.
	if !r.full() || r.list[len(r.list)-1].score < ScoreTypo {
		g.suggestTypos(nq, wantCountry, &r)
	}
	return g.matches(r.list)
}

// prefixScore grades an entry whose key starts with a query of queryLen bytes.
func prefixScore(e *indexEntry, queryLen int) float64 {
	switch {
	case e.token:
		return ScoreTokenPrefix
	case len(e.key) != queryLen:
		return ScorePrefix
	case e.name < 0:
		return ScoreExactName
	}
	return ScoreExactAlias
}

// matches turns ranked candidates into the public result.
func (g *Gazetteer) matches(list []candidate) []PlaceMatch {
	out := make([]PlaceMatch, len(list))
	for i, c := range list {
		e := &g.index[c.entry]
		p := g.places[e.place]
		matched := p.Name
		if e.name >= 0 {
			matched = p.AltNames[e.name]
		}
		out[i] = PlaceMatch{Place: p, Matched: matched, Score: c.score}
	}
	return out
}
