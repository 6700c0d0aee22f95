package engine

import (
	"reflect"
	"testing"
)

// The worked examples of docs/matching.md. Each part is asserted on its
// own, so a change of weight shows which line of the document to update.
func TestWorkedExamples(t *testing.T) {
	ix := newTestIndex()

	// Example 1: a full match on day release.
	ix.UpsertCandidate(housed("example-1"))
	ix.UpsertRole(roaster("roaster"))
	ex, _ := ix.Explain("roaster", "example-1", today)
	if ex.DistanceKm != 11 || !ex.DayRelease || ex.Match != MatchFull {
		t.Fatalf("example 1 facts: %+v", ex)
	}
	if got := distancePoints(false, roasterSite().distanceKm(float32(kortrijk.Lat), float32(kortrijk.Lon))); got != example2Distance {
		t.Fatalf("distance points %d, docs say %d", got, example2Distance)
	}
	if len(ex.Essential.Met) != 1 || ex.Essential.Met[0].Level != 2 || ex.Essential.Met[0].Hours != 300 || !ex.Essential.Met[0].Attested ||
		ex.Essential.Total() != 1 || ex.Optional.Total() != 0 {
		t.Fatalf("example 1 skills: %+v %+v", ex.Essential, ex.Optional)
	}
	if ex.Score != example1Total {
		t.Fatalf("example 1 scores %d, docs/matching.md says %d", ex.Score, example1Total)
	}

	// Example 2: a near match from the return region, through a sibling.
	c := released("example-2")
	c.Skills = []Skill{
		{ID: "coffee-roasting", Level: 3},
		{ID: "espresso-preparation", Level: 1},
	}
	c.Languages = []Language{{Code: "fr", Rank: 1}}
	c.Certificates = []string{"HACCP basics", "first aid"}
	c.PreferredSectors = []string{"C"}
	r := roaster("cupping")
	r.StartDate = 0
	r.DayReleaseOK = false
	r.Essential = []Requirement{{Skill: "coffee-roasting", MinLevel: 2}, {Skill: "coffee-cupping", MinLevel: 1}}
	r.Optional = []Requirement{{Skill: "espresso-preparation", MinLevel: 2}}
	r.Languages = []LanguageRequirement{{Code: "fr", MinRank: 3}}
	ix.UpsertCandidate(c)
	ix.UpsertRole(r)
	ex, _ = ix.Explain("cupping", "example-2", today)
	if ex.DistanceKm != 11 || ex.DayRelease || ex.Match != MatchNear || ex.LanguageFit != FitPartial {
		t.Fatalf("example 2 facts: %+v", ex)
	}
	// The explanation of example 2 as the page's table lists it.
	want := Explanation{
		Essential: SkillGroup{
			Met: []SkillFit{{Skill: "coffee-roasting", RequiredLevel: 2, Essential: true, Status: StatusMet, Level: 3, Credit: 1050}},
			Partly: []SkillFit{{Skill: "coffee-cupping", RequiredLevel: 1, Essential: true, Status: StatusPartly,
				Relation: RelationSibling, Related: &RelatedSkill{Skill: "coffee-roasting", Level: 3, Family: "coffee-production"}, Credit: 300}},
		},
		Optional: SkillGroup{
			Partly: []SkillFit{{Skill: "espresso-preparation", RequiredLevel: 2, Status: StatusPartly, Level: 1,
				Relation: RelationBelowLevel, Credit: 500}},
		},
	}
	if !reflect.DeepEqual(ex.Essential, want.Essential) || !reflect.DeepEqual(ex.Optional, want.Optional) {
		t.Fatalf("example 2 skills:\n got %+v %+v\nwant %+v %+v", ex.Essential, ex.Optional, want.Essential, want.Optional)
	}
	if ex.Score != example2Total {
		t.Fatalf("example 2 scores %d, docs/matching.md says %d", ex.Score, example2Total)
	}
}

// The totals docs/matching.md works out.
const (
	example1Total = 6000 + 0 + 600 + 0 + 90 + example1Distance + 20 + 0
	example2Total = 4050 + 500 + 300 + 40 + 0 + example2Distance + 0 + 10
)

const (
	// Example 1 is on day release, measured from the house: flat points
	// within the commute limit.
	example1Distance = DistanceHousePoints
	// Kortrijk to Menen is 10.5 km under distanceKm: 105 tenths, so
	// 400 − 400·105/1000 = 358.
	example2Distance = 358
)

func roasterSite() *site {
	s := newSite(toPoint32(menen))
	return &s
}
