package geo_test

import (
	"math"
	"testing"

	"github.com/onward-jobs/onward/pkg/geo"
)

func TestDistanceKm(t *testing.T) {
	g := geo.Default()
	place := func(id string) geo.Place {
		t.Helper()
		p, ok := g.Place(id)
		if !ok {
			t.Fatalf("no place %s", id)
		}
		return p
	}
	kortrijk, gent := place("2794055"), place("2797656")
	brussels, oslo := place("2800866"), place("3143244")
	// From the GeoNames coordinates the distances are 40.1 km and 1,084.5
	// km; the usual centre coordinates (Kortrijk 50°50′N 3°16′E, Gent
	// 51°03′N 3°44′E, Brussels 50°51′N 4°21′E, Oslo 59°55′N 10°45′E) give
	// 40.6 km and 1,085.0 km. The bounds leave room for either.
	tests := []struct {
		name     string
		a, b     geo.Place
		min, max float64
	}{
		{"Kortrijk–Gent", kortrijk, gent, 38, 46},
		{"Brussels–Oslo", brussels, oslo, 1080, 1110},
		{"same place", gent, gent, 0, 0},
	}
	for _, tt := range tests {
		d := tt.a.DistanceKm(tt.b)
		if d < tt.min || d > tt.max {
			t.Errorf("%s = %.1f km, want %v–%v", tt.name, d, tt.min, tt.max)
		}
		if back := tt.b.DistanceKm(tt.a); math.Abs(back-d) > 1e-9 {
			t.Errorf("%s is not symmetric: %v and %v", tt.name, d, back)
		}
	}
}

func TestDistanceKmKnownValues(t *testing.T) {
	tests := []struct {
		name                   string
		aLat, aLon, bLat, bLon float64
		want                   float64
	}{
		// A quarter of a great circle is πR/2.
		{"equator to pole", 0, 0, 90, 0, math.Pi * 6371.0088 / 2},
		{"antipodes", 0, 0, 0, 180, math.Pi * 6371.0088},
		{"one degree of longitude on the equator", 0, 0, 0, 1, math.Pi * 6371.0088 / 180},
	}
	for _, tt := range tests {
		if got := geo.DistanceKm(tt.aLat, tt.aLon, tt.bLat, tt.bLon); math.Abs(got-tt.want) > 1e-6 {
			t.Errorf("%s = %v km, want %v", tt.name, got, tt.want)
		}
	}
}
