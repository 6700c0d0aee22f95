package skills

import (
	"reflect"
	"slices"
	"testing"
)

const (
	uriRoast   = ESCOPrefix + "skill/test-roast"
	uriChar    = ESCOPrefix + "skill/test-characteristics"
	uriTeams   = ESCOPrefix + "skill/test-teams"
	uriProduce = ESCOPrefix + "skill/test-production"
	uriSort    = ESCOPrefix + "skill/test-sort"
	uriBarista = ESCOPrefix + "occupation/test-barista"
	uriRoaster = ESCOPrefix + "occupation/test-roaster"
)

func mustNew(t *testing.T, version string, skills []Skill, occs []Occupation) *Taxonomy {
	t.Helper()
	tax, err := New(version, skills, occs)
	if err != nil {
		t.Fatal(err)
	}
	return tax
}

func mergeFixtures(t *testing.T) (curated, imported *Taxonomy) {
	curated = mustNew(t, "c1", []Skill{
		{ID: "coffee-production", Kind: KindSkill, Labels: map[Lang]string{EN: "Coffee production"}},
		{ID: "coffee-roasting", Kind: KindSkill, ESCOURI: uriRoast,
			Labels:   map[Lang]string{EN: "Coffee roasting", NL: "Koffie branden"},
			Synonyms: map[Lang][]string{EN: {"roasting coffee beans"}},
			Parents:  []string{"coffee-production"}},
		{ID: "teamwork", Kind: KindTransversal, ESCOURI: uriTeams, Labels: map[Lang]string{EN: "Teamwork"}},
	}, []Occupation{
		{ID: "barista", ESCOURI: uriBarista, Labels: map[Lang]string{EN: "Barista"},
			Essential: []Requirement{{Skill: "coffee-roasting", MinLevel: Supervised}}},
	})
	imported = mustNew(t, "esco-1.2", []Skill{
		{ID: "roast-coffee-beans", Kind: KindSkill, ESCOURI: uriRoast,
			Labels:   map[Lang]string{EN: "roast coffee beans", NL: "koffiebonen branden", FR: "torréfier du café"},
			Synonyms: map[Lang][]string{EN: {"coffee roasting", "roasting coffee"}, FR: {"torréfaction"}},
			Parents:  []string{"coffee-characteristics"}},
		{ID: "coffee-characteristics", Kind: KindKnowledge, ESCOURI: uriChar, Labels: map[Lang]string{EN: "coffee characteristics"}},
		{ID: "coffee-production", Kind: KindSkill, ESCOURI: uriProduce, Labels: map[Lang]string{EN: "coffee production"}},
		{ID: "work-in-teams", Kind: KindTransversal, ESCOURI: uriTeams, Labels: map[Lang]string{EN: "work in teams", DE: "im Team arbeiten"}},
		{ID: "sort-beans", Kind: KindSkill, ESCOURI: uriSort, Labels: map[Lang]string{EN: "sort beans"}, Parents: []string{"roast-coffee-beans"}},
	}, []Occupation{
		{ID: "barista", ESCOURI: uriBarista, Labels: map[Lang]string{EN: "barista", FR: "barista"},
			Essential: []Requirement{{Skill: "roast-coffee-beans", MinLevel: Independent}},
			Optional:  []Requirement{{Skill: "work-in-teams", MinLevel: Independent}}},
		{ID: "roaster", ESCOURI: uriRoaster, Labels: map[Lang]string{EN: "coffee roaster"},
			Essential: []Requirement{{Skill: "roast-coffee-beans", MinLevel: Independent}, {Skill: "coffee-production", MinLevel: Independent}},
			Optional:  []Requirement{{Skill: "work-in-teams", MinLevel: Independent}}},
	})
	return curated, imported
}

func TestMergeByESCOURI(t *testing.T) {
	curated, imported := mergeFixtures(t)
	merged, err := Merge(curated, imported)
	if err != nil {
		t.Fatal(err)
	}
	if merged.Version() != "c1+esco-1.2" {
		t.Errorf("version = %q", merged.Version())
	}
	roast, _ := merged.Skill("coffee-roasting")
	wantLabels := map[Lang]string{EN: "Coffee roasting", NL: "Koffie branden", FR: "torréfier du café"}
	if !reflect.DeepEqual(roast.Labels, wantLabels) {
		t.Errorf("curated labels must win and imported fill the gaps: %v", roast.Labels)
	}
	wantEN := []string{"roasting coffee beans", "roast coffee beans", "roasting coffee"}
	if !reflect.DeepEqual(roast.Synonyms[EN], wantEN) || !reflect.DeepEqual(roast.Synonyms[FR], []string{"torréfaction"}) {
		t.Errorf("synonyms = %v, want en %v (the imported label, not the curated label again) and fr", roast.Synonyms, wantEN)
	}
	if !reflect.DeepEqual(roast.Parents, []string{"coffee-production"}) || roast.ESCOURI != uriRoast {
		t.Errorf("curated parents must win: %+v", roast)
	}
	if _, ok := merged.Skill("roast-coffee-beans"); ok {
		t.Error("a skill matched by URI must not be added twice")
	}
	if _, ok := merged.Skill("work-in-teams"); ok {
		t.Error("work-in-teams has teamwork's URI and should merge into it")
	}
	if s, ok := merged.Skill("coffee-characteristics"); !ok || s.ESCOURI != uriChar {
		t.Error("a skill only ESCO has should be added")
	}
	if s, ok := merged.Skill("coffee-production-esco"); !ok || s.ESCOURI != uriProduce {
		t.Error("an imported id already used by curated should get -esco")
	}
	if s, _ := merged.Skill("coffee-production"); s.ESCOURI != "" {
		t.Error("the curated coffee-production has no URI and must keep none")
	}
	if s, _ := merged.Skill("sort-beans"); !reflect.DeepEqual(s.Parents, []string{"coffee-roasting"}) {
		t.Errorf("imported parents must follow the merge: %v", s.Parents)
	}
	barista, _ := merged.Occupation("barista")
	if !reflect.DeepEqual(barista.Essential, []Requirement{{Skill: "coffee-roasting", MinLevel: Supervised}}) || len(barista.Optional) != 0 {
		t.Errorf("curated requirements must win: %+v", barista)
	}
	if barista.Labels[EN] != "Barista" || barista.Labels[FR] != "barista" {
		t.Errorf("barista labels = %v", barista.Labels)
	}
	roaster, _ := merged.Occupation("roaster")
	wantReqs := []string{"coffee-roasting", "coffee-production-esco"}
	if got := requirementSkills(roaster.Essential); !slices.Equal(got, wantReqs) {
		t.Errorf("roaster essential = %v, want %v", got, wantReqs)
	}
	if got := requirementSkills(roaster.Optional); !slices.Equal(got, []string{"teamwork"}) {
		t.Errorf("roaster optional = %v", got)
	}
	if c, _ := curated.Skill("coffee-roasting"); c.Labels[FR] != "" || len(c.Synonyms[EN]) != 1 {
		t.Errorf("merging must not change the curated taxonomy: %+v", c)
	}
	if got := merged.SuggestSkills("torrefaction", FR, 1); len(got) != 1 || got[0].Skill.ID != "coffee-roasting" {
		t.Errorf("the merged taxonomy should find the imported French label: %v", skillIDs(got))
	}
}

func requirementSkills(reqs []Requirement) []string {
	out := make([]string, len(reqs))
	for i, r := range reqs {
		out[i] = r.Skill
	}
	return out
}
