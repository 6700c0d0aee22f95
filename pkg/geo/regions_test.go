package geo

import (
	"slices"
	"testing"
)

// TestEveryRegionOfTheNamedCountriesHasAName walks the embedded
// gazetteer: a place of Belgium, the Netherlands, Germany, France or
// Luxembourg whose region has no name would show a bare code in the
// outcome reports.
func TestEveryRegionOfTheNamedCountriesHasAName(t *testing.T) {
	g := Default()
	seen := map[string]bool{}
	for _, p := range g.places {
		if !slices.Contains(NamedRegionCountries, p.Country) || p.Region == "" {
			continue
		}
		code := p.Country + "." + p.Region
		if _, ok := RegionName(code); !ok && !seen[code] {
			t.Errorf("%s (of %s) has no name", code, p.Name)
		}
		seen[code] = true
	}
	if len(seen) < 50 {
		t.Fatalf("only %d regions seen in the named countries", len(seen))
	}
	if name, ok := RegionName("be.VLG"); !ok || name != "Vlaanderen" {
		t.Errorf("RegionName(be.VLG) = %q, %v", name, ok)
	}
	if _, ok := RegionName("XX.01"); ok {
		t.Error("an unknown region has a name")
	}
	if _, ok := RegionName(""); ok {
		t.Error("the empty region has a name")
	}
}
