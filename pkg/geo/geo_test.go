package geo_test

import (
	"testing"

	"github.com/onward-jobs/onward/pkg/geo"
)

// TestEmbeddedData checks what a regeneration of data/places.tsv.gz must
// keep true; the loader itself rejects malformed lines.
func TestEmbeddedData(t *testing.T) {
	g := geo.Default()
	if g.Len() <= 20_000 {
		t.Fatalf("Len() = %d, want more than 20,000 places", g.Len())
	}
	countries := g.Countries()
	for _, want := range []string{"BE", "NL", "LU", "FR", "DE", "NO", "GB", "CH", "IS", "LI", "PL", "UA"} {
		if !geo.ValidCountry(want) {
			t.Errorf("ValidCountry(%q) = false, want true", want)
		}
	}
	if len(countries) < 40 {
		t.Errorf("%d countries, want at least the EU, EFTA and the UK: %v", len(countries), countries)
	}
	seen := map[string]bool{}
	for _, c := range countries {
		seen[c] = true
	}
	for _, id := range []string{"2794055", "2800866", "2747373", "3143244"} {
		p, ok := g.Place(id)
		if !ok {
			t.Fatalf("Place(%s) missing", id)
		}
		if !seen[p.Country] || p.Lat < 34 || p.Lat > 72 || p.Lon < -25 || p.Lon > 45 {
			t.Errorf("Place(%s) = %+v: country unknown or coordinates outside Europe", id, p)
		}
	}
}

func TestPlace(t *testing.T) {
	g := geo.Default()
	tests := []struct {
		id, name, country string
		ok                bool
	}{
		{"2794055", "Kortrijk", "BE", true},
		{"2800866", "Brussels", "BE", true},
		{"2747373", "The Hague", "NL", true},
		{"3161732", "Bergen", "NO", true},
		{"1", "", "", false},
		{"99999999", "", "", false},
		{"", "", "", false},
		{"kortrijk", "", "", false},
		{"-5", "", "", false},
	}
	for _, tt := range tests {
		p, ok := g.Place(tt.id)
		if ok != tt.ok || p.Name != tt.name || p.Country != tt.country {
			t.Errorf("Place(%q) = %q %q %v, want %q %q %v", tt.id, p.Name, p.Country, ok, tt.name, tt.country, tt.ok)
		}
		if ok && p.ID != tt.id {
			t.Errorf("Place(%q).ID = %q", tt.id, p.ID)
		}
	}
}

func TestAliasesMerged(t *testing.T) {
	p, _ := geo.Default().Place("2797656") // Gent
	want := map[string]bool{"Ghent": true, "Gand": true}
	for _, a := range p.AltNames {
		delete(want, a)
	}
	if len(want) > 0 {
		t.Errorf("Gent's AltNames %v lack %v", p.AltNames, want)
	}
}

// TestPlacesHaveRegions checks the first-level division codes that reports
// count people by: Belgium's three regions (Kortrijk and Gent in Flanders,
// Brussels, Mons in Wallonia), and Köln in North Rhine-Westphalia.
func TestPlacesHaveRegions(t *testing.T) {
	for id, want := range map[string]string{"2794055": "VLG", "2797656": "VLG", "2800866": "BRU", "2790869": "WAL", "2886242": "07"} {
		if p, ok := geo.Default().Place(id); !ok || p.Region != want {
			t.Errorf("Place(%s) is in region %q, want %q", id, p.Region, want)
		}
	}
}

func TestValidCountry(t *testing.T) {
	tests := map[string]bool{
		"BE": true, "be": true, "NO": true, "GB": true, "XK": true,
		"": false, "B": false, "BEL": false, "US": false, "RU": false, "ZZ": false,
	}
	for code, want := range tests {
		if got := geo.ValidCountry(code); got != want {
			t.Errorf("ValidCountry(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestIsPlaceName(t *testing.T) {
	g := geo.Default()
	for name, want := range map[string]bool{
		"Kortrijk": true, "kortrijk": true, "GHENT": true, "Liege": true, "Den Haag": true, "den-haag": true,
		"Kortrij": false, "coffee": false, "": false, "  ": false,
	} {
		if got := g.IsPlaceName(name); got != want {
			t.Errorf("IsPlaceName(%q) = %v, want %v", name, got, want)
		}
	}
}
