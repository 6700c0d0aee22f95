package geo_test

import (
	"testing"

	"github.com/onward-jobs/onward/pkg/geo"
)

func TestSuggestFirst(t *testing.T) {
	g := geo.Default()
	tests := []struct {
		q, country  string
		name, cc    string // the expected first place
		matched     string
		score       float64
		minPopulace int
	}{
		{"Kortrijk", "", "Kortrijk", "BE", "Kortrijk", geo.ScoreExactName, 0},
		{"Gent", "", "Gent", "BE", "Gent", geo.ScoreExactName, 0},
		{"Ghent", "", "Gent", "BE", "Ghent", geo.ScoreExactAlias, 0},
		{"Bruxelles", "", "Brussels", "BE", "Bruxelles", geo.ScoreExactAlias, 0},
		{"Brussel", "", "Brussels", "BE", "Brussel", geo.ScoreExactAlias, 0},
		{"Brussels", "", "Brussels", "BE", "Brussels", geo.ScoreExactName, 0},
		{"Den Haag", "", "The Hague", "NL", "Den Haag", geo.ScoreExactAlias, 0},
		{"den-haag", "", "The Hague", "NL", "Den Haag", geo.ScoreExactAlias, 0},
		{"'s-Gravenhage", "", "The Hague", "NL", "'s-Gravenhage", geo.ScoreExactAlias, 0},
		{"s gravenhage", "", "The Hague", "NL", "'s-Gravenhage", geo.ScoreExactAlias, 0},
		{"Oslo", "", "Oslo", "NO", "Oslo", geo.ScoreExactName, 0},
		{"kortrik", "", "Kortrijk", "BE", "Kortrijk", geo.ScoreTypo, 0},
		{"kortrjik", "", "Kortrijk", "BE", "Kortrijk", geo.ScoreTypo, 0},
		{"Bergen", "NO", "Bergen", "NO", "Bergen", geo.ScoreExactName, 100_000},
		{"Bergen", "no", "Bergen", "NO", "Bergen", geo.ScoreExactName, 100_000},
		{"Bergen", "NL", "Bergen", "NL", "Bergen", geo.ScoreExactName, 0},
		{"Bergen", "BE", "Mons", "BE", "Bergen", geo.ScoreExactAlias, 0},
		{"Bergen", "", "Bergen", "NO", "Bergen", geo.ScoreExactName, 100_000},
		{"liege", "", "Liège", "BE", "Liège", geo.ScoreExactName, 0},
		{"Luik", "", "Liège", "BE", "Luik", geo.ScoreExactAlias, 0},
		{"saint etienne", "", "Saint-Étienne", "FR", "Saint-Étienne", geo.ScoreExactName, 0},
		{"Keulen", "", "Köln", "DE", "Keulen", geo.ScoreExactAlias, 0},
		{"koeln", "", "Köln", "DE", "Köln", geo.ScoreTypo, 0},
		{"München", "", "Munich", "DE", "München", geo.ScoreExactAlias, 0},
		{"Wien", "", "Vienna", "AT", "Wien", geo.ScoreExactAlias, 0},
		{"Rijsel", "", "Lille", "FR", "Rijsel", geo.ScoreExactAlias, 0},
		{"Aachen", "", "Aachen", "DE", "Aachen", geo.ScoreExactName, 0},
		{"Kortr", "", "Kortrijk", "BE", "Kortrijk", geo.ScorePrefix, 0},
		{"Kor", "BE", "Kortrijk", "BE", "Kortrijk", geo.ScorePrefix, 0},
		{"Brus", "", "Brussels", "BE", "Brussels", geo.ScorePrefix, 0},
		{"lodz", "", "Łódź", "PL", "Łódź", geo.ScoreExactName, 0},
		{"am main", "", "Frankfurt am Main", "DE", "Frankfurt am Main", geo.ScoreTokenPrefix, 0},
	}
	for _, tt := range tests {
		t.Run(tt.q+"/"+tt.country, func(t *testing.T) {
			got := g.Suggest(tt.q, tt.country, 5)
			if len(got) == 0 {
				t.Fatalf("Suggest(%q, %q) found nothing", tt.q, tt.country)
			}
			m := got[0]
			if m.Place.Name != tt.name || m.Place.Country != tt.cc || m.Matched != tt.matched || m.Score != tt.score {
				t.Errorf("first = %s %s matched %q score %v, want %s %s matched %q score %v",
					m.Place.Name, m.Place.Country, m.Matched, m.Score, tt.name, tt.cc, tt.matched, tt.score)
			}
			if m.Place.Population < tt.minPopulace {
				t.Errorf("first %s has population %d, want at least %d", m.Place.Name, m.Place.Population, tt.minPopulace)
			}
		})
	}
}

func TestSuggestOrderAndFilter(t *testing.T) {
	g := geo.Default()
	for _, tt := range []struct{ q, country string }{
		{"Bergen", ""}, {"sa", ""}, {"a", "BE"}, {"kortrik", ""}, {"haag", ""}, {"Brussel", ""}, {"st", "FR"},
	} {
		got := g.Suggest(tt.q, tt.country, geo.MaxSuggestLimit)
		seen := map[string]bool{}
		for i, m := range got {
			if tt.country != "" && m.Place.Country != tt.country {
				t.Errorf("Suggest(%q, %q)[%d] is in %s", tt.q, tt.country, i, m.Place.Country)
			}
			if seen[m.Place.ID] {
				t.Errorf("Suggest(%q, %q) lists %s twice", tt.q, tt.country, m.Place.Name)
			}
			seen[m.Place.ID] = true
			if i == 0 {
				continue
			}
			prev := got[i-1]
			if prev.Score < m.Score || prev.Score == m.Score && prev.Place.Population < m.Place.Population {
				t.Errorf("Suggest(%q, %q): %s (%v, %d) ranked before %s (%v, %d)", tt.q, tt.country,
					prev.Place.Name, prev.Score, prev.Place.Population, m.Place.Name, m.Score, m.Place.Population)
			}
		}
	}
}

func TestSuggestLimitsAndEdges(t *testing.T) {
	g := geo.Default()
	tests := []struct {
		name, q, country string
		limit, want      int
	}{
		{"default limit", "s", "", 0, geo.DefaultSuggestLimit},
		{"negative limit", "s", "", -3, geo.DefaultSuggestLimit},
		{"limit", "s", "", 3, 3},
		{"limit capped", "s", "", 10_000, geo.MaxSuggestLimit},
		{"empty query", "", "", 10, 0},
		{"punctuation only", " -' ", "", 10, 0},
		{"unknown country", "Bergen", "US", 10, 0},
		{"malformed country", "Bergen", "Norway", 10, 0},
		{"no such place", "xqzxqzxqz", "", 10, 0},
		{"short word, no typo search", "osle", "", 10, 0},
	}
	for _, tt := range tests {
		if got := g.Suggest(tt.q, tt.country, tt.limit); len(got) != tt.want {
			t.Errorf("%s: Suggest(%q, %q, %d) gave %d results, want %d", tt.name, tt.q, tt.country, tt.limit, len(got), tt.want)
		}
	}
}

func TestSuggestPrefersOwnNameOnTies(t *testing.T) {
	for _, m := range geo.Default().Suggest("br", "BE", 3) {
		if m.Place.Name == "Brussels" && m.Matched != "Brussels" {
			t.Errorf("Brussels matched %q for \"br\", want its own name", m.Matched)
		}
	}
}
