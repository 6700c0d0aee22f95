package enginegen

import (
	"math"
	"slices"
	"testing"

	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// share is the fraction of n items for which keep holds.
func share[T any](items []T, keep func(T) bool) float64 {
	n := 0
	for _, x := range items {
		if keep(x) {
			n++
		}
	}
	return float64(n) / float64(len(items))
}

// near fails the test when got is more than tol away from want.
func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	t.Logf("%-32s %.3f (model %.3f)", what, got, want)
	if math.Abs(got-want) > tol {
		t.Errorf("%s: %.3f, want %.3f ± %.3f", what, got, want, tol)
	}
}

// TestCandidateDistributions checks the shares the package comment states.
func TestCandidateDistributions(t *testing.T) {
	g := generator()
	cands := g.Candidates(20_000, today)
	housed := share(cands, func(c engine.Candidate) bool { return c.Housed })
	near(t, "housed", housed, housedShare, 0.02)
	withDR := share(cands, func(c engine.Candidate) bool { return c.DayRelease != nil })
	near(t, "day release (of all)", withDR, housedShare*(transitionShare*0.95+(1-transitionShare)*0.5), 0.02)
	near(t, "excluded sectors", share(cands, func(c engine.Candidate) bool { return len(c.ExcludedSectors) > 0 }), excludedShare, 0.01)
	near(t, "excluding P", share(cands, func(c engine.Candidate) bool { return slices.Contains(c.ExcludedSectors, "P") }), excludedShare*0.7, 0.01)
	near(t, "speaks English", share(cands, func(c engine.Candidate) bool {
		return slices.ContainsFunc(c.Languages, func(l engine.Language) bool { return l.Code == "en" })
	}), englishShare, 0.03)
	near(t, "mother tongue a national one", share(cands, func(c engine.Candidate) bool {
		return slices.Contains([]string{"nl", "fr", "de", "lb", "no"}, c.Languages[0].Code)
	}), 1-migrantShare, 0.02)

	// Release dates spread over two years: every quarter of them holds
	// some, and the first year more than the second (transition houses).
	var quarters [8]int
	for _, c := range cands {
		if c.ReleaseDate != 0 {
			quarters[(c.ReleaseDate-today-1)/92]++
		}
	}
	t.Logf("release dates per quarter: %v", quarters)
	for q, n := range quarters {
		if n < len(cands)/200 {
			t.Errorf("quarter %d holds %d release dates", q, n)
		}
	}
	if quarters[0]+quarters[1]+quarters[2]+quarters[3] <= quarters[4]+quarters[5]+quarters[6]+quarters[7] {
		t.Errorf("more releases in the second year than the first: %v", quarters)
	}
	windows := share(cands, func(c engine.Candidate) bool { return c.DayRelease != nil && c.DayRelease.Days == 0b0011111 })
	near(t, "day release Monday–Friday", windows/withDR, 0.60, 0.04)
}

// TestSkillPopularityIsSkewed: the most held skill is held by many times
// more people than the median skill, as in real programmes.
func TestSkillPopularityIsSkewed(t *testing.T) {
	cands := generator().Candidates(20_000, today)
	holders := map[string]int{}
	total := 0
	for _, c := range cands {
		total += len(c.Skills)
		for _, s := range c.Skills {
			holders[s.ID]++
		}
	}
	counts := make([]int, 0, len(holders))
	for _, n := range holders {
		counts = append(counts, n)
	}
	slices.Sort(counts)
	top, median := counts[len(counts)-1], counts[len(counts)/2]
	t.Logf("%d skills held; most held by %d, median by %d; %.1f skills per candidate",
		len(holders), top, median, float64(total)/float64(len(cands)))
	if top < 10*median {
		t.Errorf("most popular skill held by %d, median by %d: want at least 10×", top, median)
	}
	if len(holders) < 200 {
		t.Errorf("only %d distinct skills held: the long tail is missing", len(holders))
	}
	perCand := float64(total) / float64(len(cands))
	if perCand < 6 || perCand > 14 {
		t.Errorf("%.1f skills per candidate, want 6–14", perCand)
	}
}

// TestPlacesFollowPopulation: countries get people and roles in
// proportion to their population, and big cities many more than towns.
func TestPlacesFollowPopulation(t *testing.T) {
	g := generator()
	countryOf := map[engine.Point]uint8{}
	population := make([]float64, len(countries))
	total := 0.0
	var biggest place
	for _, p := range g.places.places {
		countryOf[engine.Point{Lat: p.lat, Lon: p.lon}] = p.country
		population[p.country] += float64(p.population)
		total += float64(p.population)
		if countries[p.country].code == "BE" && p.population > biggest.population {
			biggest = p
		}
	}
	roles := g.Roles(20_000, today)
	cands := g.Candidates(20_000, today)
	for ci, c := range countries {
		want := population[ci] / total
		near(t, "roles in "+c.code, share(roles, func(r engine.Role) bool {
			return r.Site != nil && countryOf[*r.Site] == uint8(ci)
		}), want, 0.015)
		near(t, "candidates returning to "+c.code, share(cands, func(c engine.Candidate) bool {
			return countryOf[c.ReturnRegion.Point] == uint8(ci)
		}), want, 0.03) // houses are only a thousand places
	}
	returning := 0
	for _, c := range cands {
		if c.ReturnRegion.Point == (engine.Point{Lat: biggest.lat, Lon: biggest.lon}) {
			returning++
		}
	}
	t.Logf("%d places collected; %d of %d candidates return to Belgium's largest place (population %d)",
		len(g.places.places), returning, len(cands), biggest.population)
	if want := float64(len(cands)) * float64(biggest.population) / total; float64(returning) < want/2 {
		t.Errorf("%d candidates return to Belgium's largest place, want about %.0f", returning, want)
	}
}

// TestRoleDistributions checks the role shares the package comment states.
func TestRoleDistributions(t *testing.T) {
	roles := generator().Roles(20_000, today)
	near(t, "as soon as possible", share(roles, func(r engine.Role) bool { return r.StartDate == 0 }), asapShare, 0.02)
	near(t, "day release accepted", share(roles, func(r engine.Role) bool { return r.DayReleaseOK }), dayReleaseShare, 0.02)
	near(t, "no schedule", share(roles, func(r engine.Role) bool { return len(r.Shifts) == 0 }), 0.15, 0.02)
	near(t, "sector P or Q", share(roles, func(r engine.Role) bool { return r.Sector == "P" || r.Sector == "Q" }), hostSectorShare*0.5, 0.02)
	remote := share(roles, func(r engine.Role) bool { return r.Site == nil })
	t.Logf("remote roles %.3f", remote)
	if remote == 0 || remote > 0.03 {
		t.Errorf("remote share %.3f, want some office roles and nothing else", remote)
	}
	for _, r := range roles {
		if r.Site == nil && r.Title != "Data entry clerk" && r.Title != "Receptionist" {
			t.Fatalf("remote role %s is a %s", r.ID, r.Title)
		}
	}
	titles := map[string]int{}
	for _, r := range roles {
		titles[r.Title]++
	}
	counts := make([]int, 0, len(titles))
	for _, n := range titles {
		counts = append(counts, n)
	}
	slices.Sort(counts)
	if top, median := counts[len(counts)-1], counts[len(counts)/2]; top < 5*median {
		t.Errorf("most common occupation has %d roles, median %d: want a Zipf-like skew", top, median)
	}
}
