package engine

import (
	"reflect"
	"testing"
)

// TestSkillFitEdgeCases places one requirement at a time in its group. The
// role asks for coffee-roasting (essential) and, optionally,
// espresso-preparation; coffee-production is the parent of
// coffee-roasting and coffee-cupping a sibling (both under
// coffee-production).
func TestSkillFitEdgeCases(t *testing.T) {
	tests := []struct {
		name        string
		min         int
		skills      []Skill
		essential   SkillFit
		optional    SkillFit
		match       Match
		notEligible bool
	}{
		{
			name: "met at the level asked", min: 2,
			skills:    []Skill{{ID: "coffee-roasting", Level: 2, Hours: 300, Attested: true}},
			essential: SkillFit{Status: StatusMet, Level: 2, Hours: 300, Attested: true, Credit: CreditFull},
			match:     MatchFull,
		},
		{
			name: "met above the level asked", min: 2,
			skills:    []Skill{{ID: "coffee-roasting", Level: 4}},
			essential: SkillFit{Status: StatusMet, Level: 4, Credit: CreditFull + 2*CreditPerLevelAbove},
			match:     MatchFull,
		},
		{
			name: "below the level asked is partly met, yet a full match", min: 3,
			skills:    []Skill{{ID: "coffee-roasting", Level: 1, Hours: 40}},
			essential: SkillFit{Status: StatusPartly, Relation: RelationBelowLevel, Level: 1, Hours: 40, Credit: CreditFull / 3},
			match:     MatchFull,
		},
		{
			name: "parent credit", min: 2,
			skills: []Skill{{ID: "coffee-production", Level: 3, Hours: 500, Attested: true}},
			essential: SkillFit{Status: StatusPartly, Relation: RelationParent,
				Related: &RelatedSkill{Skill: "coffee-production", Level: 3, Hours: 500, Attested: true},
				Credit:  CreditFull * ParentCreditPercent / 100},
			match: MatchNear,
		},
		{
			name: "parent credit below the level asked", min: 2,
			skills: []Skill{{ID: "coffee-production", Level: 1}},
			essential: SkillFit{Status: StatusPartly, Relation: RelationParent,
				Related: &RelatedSkill{Skill: "coffee-production", Level: 1}, Credit: CreditFull * ParentCreditPercent / 200},
			match: MatchNear,
		},
		{
			name: "sibling credit names the family", min: 1,
			skills: []Skill{{ID: "coffee-cupping", Level: 2}},
			essential: SkillFit{Status: StatusPartly, Relation: RelationSibling,
				Related: &RelatedSkill{Skill: "coffee-cupping", Level: 2, Family: "coffee-production"},
				Credit:  CreditFull * SiblingCreditPercent / 100},
			match: MatchNear,
		},
		{
			// The skill itself at level 1 of 4 earns 250; the parent at 4
			// earns 500 and is what the score counts. The own level is
			// still given, and the pair is a full match.
			name: "a related skill earning more than the skill itself below the level", min: 4,
			skills: []Skill{{ID: "coffee-roasting", Level: 1, Hours: 20}, {ID: "coffee-production", Level: 4}},
			essential: SkillFit{Status: StatusPartly, Relation: RelationParent, Level: 1, Hours: 20,
				Related: &RelatedSkill{Skill: "coffee-production", Level: 4}, Credit: CreditFull * ParentCreditPercent / 100},
			match: MatchFull,
		},
		{
			name: "missing: nothing related", min: 2,
			skills:      []Skill{{ID: "forklift-operation", Level: 4}},
			essential:   SkillFit{Status: StatusMissing},
			notEligible: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := roaster("r1")
			r.Essential = []Requirement{{Skill: "coffee-roasting", MinLevel: tt.min}}
			r.Optional = []Requirement{{Skill: "espresso-preparation", MinLevel: 2}}
			c := housed("c1")
			c.Skills = tt.skills
			ix := newTestIndex()
			ix.UpsertCandidate(c)
			ix.UpsertRole(r)
			ex, _ := ix.Explain("r1", "c1", today)
			checkGroups(t, ex, r)
			want := tt.essential
			want.Skill, want.RequiredLevel, want.Essential = "coffee-roasting", tt.min, true
			if got := only(ex.Essential); !reflect.DeepEqual(got, want) {
				t.Fatalf("essential\n got %+v\nwant %+v", got, want)
			}
			opt := SkillFit{Skill: "espresso-preparation", RequiredLevel: 2, Status: StatusMissing}
			if got := only(ex.Optional); !reflect.DeepEqual(got, opt) {
				t.Fatalf("optional\n got %+v\nwant %+v", got, opt)
			}
			if ex.Eligible == tt.notEligible || (ex.Eligible && ex.Match != tt.match) {
				t.Fatalf("eligible %v (%s), match %s", ex.Eligible, ex.Reason, ex.Match)
			}
		})
	}
}

// TestOptionalKeptApartFromEssential: an optional skill met, partly met
// or missing is listed in the optional group only, and the counts of each
// group are its lists.
func TestOptionalKeptApartFromEssential(t *testing.T) {
	r := roaster("r1")
	r.Essential = []Requirement{{Skill: "coffee-roasting", MinLevel: 2}, {Skill: "coffee-cupping", MinLevel: 2}}
	r.Optional = []Requirement{{Skill: "espresso-preparation", MinLevel: 1}, {Skill: "green-coffee-grading", MinLevel: 3},
		{Skill: "forklift-operation", MinLevel: 1}}
	c := housed("c1")
	c.Skills = []Skill{{ID: "coffee-roasting", Level: 2}, {ID: "espresso-preparation", Level: 3}, {ID: "green-coffee-grading", Level: 1}}
	ix := newTestIndex()
	ix.UpsertCandidate(c)
	ix.UpsertRole(r)
	ex, _ := ix.Explain("r1", "c1", today)
	checkGroups(t, ex, r)
	names := func(fits []SkillFit) []string {
		var out []string
		for _, f := range fits {
			out = append(out, f.Skill)
		}
		return out
	}
	got := [][]string{names(ex.Essential.Met), names(ex.Essential.Partly), names(ex.Essential.Missing),
		names(ex.Optional.Met), names(ex.Optional.Partly), names(ex.Optional.Missing)}
	want := [][]string{{"coffee-roasting"}, {"coffee-cupping"}, nil, {"espresso-preparation"}, {"green-coffee-grading"}, {"forklift-operation"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("groups %v, want %v", got, want)
	}
	for _, f := range append(append([]SkillFit{}, ex.Optional.Met...), ex.Optional.Partly...) {
		if f.Essential {
			t.Fatalf("optional %s marked essential", f.Skill)
		}
	}
}

// only returns the one requirement of a group.
func only(g SkillGroup) SkillFit {
	for _, l := range [][]SkillFit{g.Met, g.Partly, g.Missing} {
		if len(l) == 1 {
			return l[0]
		}
	}
	return SkillFit{}
}

// checkGroups asserts the explanation's invariants for role r: every
// requirement appears exactly once, in the group of its kind and the list
// of its status, with a relation exactly when partly met.
func checkGroups(t *testing.T, ex Explanation, r Role) {
	t.Helper()
	if err := ex.CheckAgainst(r); err != nil {
		t.Fatal(err)
	}
}
