package enginegen

import (
	"fmt"
	"slices"
	"testing"

	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/pkg/vocab"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// TestEveryValueValid checks each generated value against what the
// candidates and employers services would accept.
func TestEveryValueValid(t *testing.T) {
	g := generator()
	points := map[engine.Point]bool{}
	for _, p := range g.places.places {
		points[engine.Point{Lat: p.lat, Lon: p.lon}] = true
	}
	ids := map[string]bool{}
	for _, c := range g.Candidates(20_000, today) {
		if err := checkCandidate(c, points); err != nil {
			t.Fatalf("%s: %v\n%+v", c.ID, err, c)
		}
		if ids[c.ID] {
			t.Fatalf("%s twice", c.ID)
		}
		ids[c.ID] = true
	}
	for _, r := range g.Roles(5_000, today) {
		if err := checkRole(r, points); err != nil {
			t.Fatalf("%s: %v\n%+v", r.ID, err, r)
		}
	}
}

func checkCandidate(c engine.Candidate, points map[engine.Point]bool) error {
	switch {
	case !c.Consent || c.OrgID == "" || len(c.Alias) != 4 || c.Version < 1:
		return fmt.Errorf("consent, org, alias or version")
	case c.Housed != (c.House != nil) || !c.Housed && (c.DayRelease != nil || c.ReleaseDate != 0):
		return fmt.Errorf("house, day release and release date disagree with Housed")
	case c.House != nil && !points[*c.House]:
		return fmt.Errorf("house %v is no gazetteer place", *c.House)
	case c.ReturnRegion == nil || !points[c.ReturnRegion.Point]:
		return fmt.Errorf("return region missing or not a place")
	case c.ReturnRegion.RadiusKm < 10 || c.ReturnRegion.RadiusKm > 100:
		return fmt.Errorf("radius %d km", c.ReturnRegion.RadiusKm)
	case c.ReleaseDate != 0 && (c.ReleaseDate <= today || c.ReleaseDate > today+730):
		return fmt.Errorf("release %d days from today", c.ReleaseDate-today)
	case len(c.Skills) == 0 || len(c.Languages) == 0:
		return fmt.Errorf("no skills or no languages")
	}
	if d := c.DayRelease; d != nil {
		switch {
		case d.Start >= d.End || d.Start < 0 || d.End > 24*60:
			return fmt.Errorf("window %d–%d", d.Start, d.End)
		case d.Days == 0 || d.Days >= 1<<7:
			return fmt.Errorf("days %07b", d.Days)
		case d.MaxCommuteKm < 5 || d.MaxCommuteKm > 60:
			return fmt.Errorf("commute %d km", d.MaxCommuteKm)
		case d.EligibleFrom < today-180 || d.EligibleFrom > today+365:
			return fmt.Errorf("eligible %d days from today", d.EligibleFrom-today)
		case c.ReleaseDate != 0 && d.EligibleFrom >= c.ReleaseDate:
			return fmt.Errorf("day release not before release")
		}
	}
	seen := map[string]bool{}
	for _, s := range c.Skills {
		if _, ok := skills.Default().Skill(s.ID); !ok || seen[s.ID] {
			return fmt.Errorf("skill %q unknown or twice", s.ID)
		}
		seen[s.ID] = true
		if s.Level < 1 || s.Level > 4 || s.Hours < 0 || s.Hours > 2000 || s.Attested && s.Hours == 0 {
			return fmt.Errorf("skill %+v", s)
		}
	}
	if err := checkLanguages(c.Languages); err != nil {
		return err
	}
	for _, list := range [][]string{c.ExcludedSectors, c.PreferredSectors} {
		for _, s := range list {
			if !vocab.ValidSector(s) {
				return fmt.Errorf("sector %q", s)
			}
		}
	}
	for _, k := range c.Contracts {
		if !vocab.ValidContract(k) {
			return fmt.Errorf("contract %q", k)
		}
	}
	if len(c.ProgrammeKinds) == 0 || len(c.Certificates) > len(c.Skills) {
		return fmt.Errorf("programme kinds or certificates")
	}
	return nil
}

func checkLanguages(langs []engine.Language) error {
	var codes []string
	for _, l := range langs {
		if !vocab.ValidLanguage(l.Code) || l.Rank < 0 || l.Rank > 5 || slices.Contains(codes, l.Code) {
			return fmt.Errorf("language %+v", l)
		}
		codes = append(codes, l.Code)
	}
	return nil
}

func checkRole(r engine.Role, points map[engine.Point]bool) error {
	switch {
	case !r.Open || r.EmployerID == "" || r.Title == "" || r.Version < 1 || !vocab.ValidContract(r.Contract):
		return fmt.Errorf("open, employer, title, version or contract")
	case !vocab.ValidSector(r.Sector):
		return fmt.Errorf("sector %q", r.Sector)
	case r.Site != nil && !points[*r.Site]:
		return fmt.Errorf("site %v is no gazetteer place", *r.Site)
	case len(r.Essential) < 2 || len(r.Essential) > 6 || len(r.Optional) > 5:
		return fmt.Errorf("%d essential, %d optional skills", len(r.Essential), len(r.Optional))
	case r.StartDate != 0 && (r.StartDate <= today || r.StartDate > today+365):
		return fmt.Errorf("start %d days from today", r.StartDate-today)
	case r.HoursPerWeek < 1 || r.HoursPerWeek > 40:
		return fmt.Errorf("%d hours a week", r.HoursPerWeek)
	}
	seen := map[string]bool{}
	for _, q := range slices.Concat(r.Essential, r.Optional) {
		if _, ok := skills.Default().Skill(q.Skill); !ok || seen[q.Skill] || q.MinLevel < 1 || q.MinLevel > 4 {
			return fmt.Errorf("requirement %+v unknown, repeated or out of range", q)
		}
		seen[q.Skill] = true
	}
	for _, l := range r.Languages {
		if !vocab.ValidLanguage(l.Code) || l.MinRank < 0 || l.MinRank > 5 {
			return fmt.Errorf("language %+v", l)
		}
	}
	shifts := map[engine.Shift]bool{}
	for _, s := range r.Shifts {
		if s.Weekday < 0 || s.Weekday > 6 || s.Start < 0 || s.Start >= s.End || s.End > 24*60 || shifts[s] {
			return fmt.Errorf("shift %+v", s)
		}
		shifts[s] = true
	}
	return nil
}
