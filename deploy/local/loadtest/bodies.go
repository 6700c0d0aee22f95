package loadtest

import (
	"fmt"
	"math/rand/v2"

	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/skills"
)

// towns are the Flemish towns the houses, return regions and role sites
// are drawn from; occupations the trades candidates trained in and roles
// ask for (the whole-stack benchmark's, so the figures compare).
var (
	towns       = []string{"Kortrijk", "Gent", "Brugge", "Roeselare", "Oudenaarde", "Aalst", "Ieper", "Waregem", "Deinze", "Tielt", "Menen", "Harelbeke"}
	occupations = []string{"barista", "kitchen-assistant", "warehouse-operative", "gardener", "cleaner", "forklift-driver", "bakers-assistant", "bike-mechanic"}
)

// vocabulary is the real gazetteer's places and taxonomy's occupations the
// request bodies use.
type vocabulary struct {
	places      []string
	occupations []skills.Occupation
}

func newVocabulary() (vocabulary, error) {
	var v vocabulary
	for _, town := range towns {
		if m := geo.Default().Suggest(town, "BE", 1); len(m) > 0 {
			v.places = append(v.places, m[0].Place.ID)
		}
	}
	tax := skills.Default()
	for _, id := range occupations {
		if o, ok := tax.Occupation(id); ok && len(o.Essential) > 0 {
			v.occupations = append(v.occupations, o)
		}
	}
	if len(v.places) < 5 || len(v.occupations) < 4 {
		return v, fmt.Errorf("vocabulary: %d places, %d occupations", len(v.places), len(v.occupations))
	}
	return v, nil
}

func (v vocabulary) place(rng *rand.Rand) string { return v.places[rng.IntN(len(v.places))] }

// candidate is the body of a new candidate in a transition house, able to
// work on day release.
func (v vocabulary) candidate(rng *rand.Rand, i int) map[string]any {
	return map[string]any{
		"given_name": fmt.Sprintf("Kandidaat%d", i), "family_name": "Load", "setting": "transition_house",
		"house":       map[string]any{"place_id": v.place(rng)},
		"day_release": dayRelease(10 + rng.IntN(50)),
		"release":     map[string]any{"expected_date": "2027-06-01", "return_region": map[string]any{"place_id": v.place(rng), "radius_km": 20 + rng.IntN(60)}},
		"languages":   []any{map[string]any{"code": "nl", "level": "C2"}},
	}
}

func dayRelease(commuteKm int) map[string]any {
	return map[string]any{"eligible_from": "2026-01-05", "days": []string{"mon", "tue", "wed", "thu", "fri"}, "start": "06:00", "end": "20:00", "max_commute_km": commuteKm}
}

// skills are the attestations of a new candidate: one or two essential
// skills of one occupation, attested in programme.
func (v vocabulary) skills(rng *rand.Rand, programme string) []map[string]any {
	occ := v.occupations[rng.IntN(len(v.occupations))]
	var out []map[string]any
	for j, req := range occ.Essential {
		if j > 0 && rng.IntN(2) == 0 {
			break
		}
		out = append(out, map[string]any{"skill": req.Skill, "level": 1 + rng.IntN(4), "hours": 50 + rng.IntN(900), "programme": programme})
	}
	return out
}

// role is the body of an open role for one of the occupations.
func (v vocabulary) role(rng *rand.Rand) map[string]any {
	occ := v.occupations[rng.IntN(len(v.occupations))]
	return map[string]any{
		"title": occ.ID, "description": "Load test role.", "sector": "I", "site": map[string]any{"place_id": v.place(rng)},
		"essential_skills": v.essentials(rng, occ), "schedule": map[string]any{"days": []string{"mon", "tue", "wed"}, "start": "08:00", "end": "16:00"},
		"hours_per_week": 16 + rng.IntN(24), "contract": "permanent", "start_asap": true, "day_release_ok": true, "status": "open",
	}
}

func (v vocabulary) essentials(rng *rand.Rand, occ skills.Occupation) []any {
	var out []any
	for _, req := range occ.Essential[:min(len(occ.Essential), 2)] {
		out = append(out, map[string]any{"skill": req.Skill, "min_level": 1 + rng.IntN(3)})
	}
	return out
}

// roleEdit is a change of an open role's hours and skills (same
// occupation family drawn anew), at version.
func (v vocabulary) roleEdit(rng *rand.Rand, version int64) map[string]any {
	occ := v.occupations[rng.IntN(len(v.occupations))]
	return map[string]any{"version": version, "hours_per_week": 16 + rng.IntN(24), "essential_skills": v.essentials(rng, occ)}
}
