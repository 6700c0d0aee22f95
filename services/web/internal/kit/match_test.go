package kit

import (
	"encoding/json"
	"io/fs"
	"strconv"
	"testing"

	"github.com/onward-jobs/onward/pkg/api"
)

// TestMatchingBuiltMessagesExist checks the matching messages whose ids the
// code builds from a value, in every language.
func TestMatchingBuiltMessagesExist(t *testing.T) {
	built := []string{"MatchListChangedTitle", "MatchListChangedBody", "MatchKind_full", "MatchKind_near"}
	for m := 1; m <= 12; m++ {
		built = append(built, "MatchMonth_"+strconv.Itoa(m))
	}
	for _, k := range ProgrammeKinds {
		built = append(built, "MatchTrainedKind_"+k)
	}
	for _, f := range fits {
		built = append(built, "MatchSchedule_"+f, "MatchLanguage_"+f)
	}
	for _, lang := range []string{"en", "nl", "fr", "de"} {
		buf, err := fs.ReadFile(localeFiles, "locales/matching."+lang+".json")
		if err != nil {
			t.Fatal(err)
		}
		var msgs map[string]any
		if err := json.Unmarshal(buf, &msgs); err != nil {
			t.Fatal(err)
		}
		for _, id := range built {
			if msgs[id] == nil {
				t.Errorf("matching.%s.json lacks message %q", lang, id)
			}
		}
	}
}

// Employers see the month a candidate is available from, never the day:
// monthText keeps only the month of a date, and leaves off what it
// cannot read.
func TestMonthTextShowsOnlyTheMonth(t *testing.T) {
	tr := mustLoadTranslator()
	cases := []struct{ lang, in, want string }{
		{"en", "2027-01", "January 2027"},
		{"en", "2027-01-14", "January 2027"},
		{"nl", "2026-12", "december 2026"},
		{"en", "", ""},
		{"en", "2027-13", ""},
		{"en", "soon", ""},
		{"en", "27-01", ""},
	}
	for _, c := range cases {
		v := &View{Localizer: tr.localizer(c.lang), Lang: c.lang}
		if got := MonthText(v, c.in); got != c.want {
			t.Errorf("MonthText(%s, %q) = %q, want %q", c.lang, c.in, got, c.want)
		}
	}
}

// A card shows only known distance bands, fits and programme kinds, and
// levels stay on the four-step scale.
func TestMatchCardLeavesOffUnknownValues(t *testing.T) {
	v := &View{Localizer: mustLoadTranslator().localizer("en"), Lang: "en"}
	var e api.ShortlistEntry
	if err := json.Unmarshal([]byte(`{"alias": "K7Q2", "match": "near", "card": {
		"distance_band": "next door to the Gent house", "schedule_fit": "n/a", "programme_kinds": ["coffee_roastery", "Kortrijk house"],
		"skills": [{"label": "Espresso", "level": 9, "hours": -3}]}}`), &e); err != nil {
		t.Fatal(err)
	}
	c := MatchCardOf(v, e, 1)
	if c.Alias != "K7Q2" || !c.Near || c.Distance != "" || c.ScheduleFit != "" {
		t.Errorf("card = %+v", c)
	}
	if len(c.Programmes) != 1 || c.Programmes[0] != "Trained in a coffee roastery" {
		t.Errorf("programmes = %q", c.Programmes)
	}
	if s := c.Skills[0]; s.Level != 4 || s.Hours != 0 || s.LevelOf != "level 4 of 4" {
		t.Errorf("skill = %+v", s)
	}
	var housed api.ShortlistEntry
	if err := json.Unmarshal([]byte(`{"alias": "H1", "match": "full", "card": {"distance_band": "within_limit"}}`), &housed); err != nil {
		t.Fatal(err)
	}
	if c := MatchCardOf(v, housed, 2); c.Distance != "Within the travel limit" {
		t.Errorf("a candidate living in a house shows the distance %q", c.Distance)
	}
	remote := -1
	if w := WhyOf(v, api.Explanation{DistanceKm: &remote, AvailableFrom: "2027-03-02"}, true); w.Distance != "Remote role" || w.Available != "Available from March 2027" {
		t.Errorf("why = %+v", w)
	}
	if w := WhyOf(v, api.Explanation{AvailableFrom: "2027-03-02"}, false); w.Available != "Available from 2027-03-02" || w.Distance != "" {
		t.Errorf("staff why = %+v", w)
	}
}

// A partly met skill says why in plain words, also when a list stored
// before the related skill was recorded cannot name it, and says the
// candidate's own level when they hold the skill itself too.
func TestPartlyMetSaysWhy(t *testing.T) {
	v := &View{Localizer: mustLoadTranslator().localizer("en"), Lang: "en"}
	cases := []struct{ fit, want string }{
		{`{"required_level": 2, "level": 1, "hours": 40, "attested": true, "relation": "below_level"}`,
			"level 1 of the level 2 asked; 40 hours, attested"},
		{`{"required_level": 2, "relation": "parent", "related": {"label": "Barista", "level": 3}}`,
			"has Barista (level 3), a broader skill that includes it"},
		{`{"required_level": 2, "level": 1, "relation": "parent", "related": {"label": "Coffee production", "level": 4}}`,
			"has Coffee production (level 4), a broader skill that includes it; holds the skill itself at level 1 of the level 2 asked"},
		{`{"required_level": 1, "relation": "sibling", "related": {"label": "Coffee roasting", "level": 3, "family": {"label": "Coffee production"}}}`,
			"has Coffee roasting (level 3), a closely related skill in the same family (Coffee production)"},
		{`{"required_level": 1, "relation": "sibling", "related": {"label": "Coffee roasting", "level": 3}}`,
			"has Coffee roasting (level 3), a closely related skill"},
		{`{"required_level": 1, "relation": "sibling", "related": {"label": "", "level": 2}}`,
			"has a closely related skill in the same family (level 2)"},
		{`{"required_level": 1, "relation": "parent", "related": {"label": "", "level": 2}}`,
			"has a broader skill that includes it (level 2)"},
		{`{"required_level": 3}`, "counts partly towards the level 3 asked"},
	}
	for _, c := range cases {
		var f api.SkillFit
		if err := json.Unmarshal([]byte(c.fit), &f); err != nil {
			t.Fatal(err)
		}
		if got := partlyText(v, f); got != c.want {
			t.Errorf("%s: %q, want %q", c.fit, got, c.want)
		}
	}
}

// The headings of an explanation come from the service's counts, and a
// group the role does not ask for is left out.
func TestExplanationHeadingsComeFromTheCounts(t *testing.T) {
	v := &View{Localizer: mustLoadTranslator().localizer("en"), Lang: "en"}
	var x api.Explanation
	err := json.Unmarshal([]byte(`{"skills": {
		"essential": {"counts": {"met": 1, "partly": 0, "missing": 2, "total": 3},
			"met": [{"skill": "a", "label": "A", "required_level": 1, "level": 2}], "partly": [],
			"missing": [{"skill": "b", "required_level": 2, "programmes": [{"kind": "logistics", "name": ""}, {"kind": "logistics", "name": ""}]},
				{"skill": "c", "label": "C", "required_level": 1, "programmes": []}]},
		"optional": {"counts": {"met": 0, "partly": 0, "missing": 0, "total": 0}, "met": [], "partly": [], "missing": []}}}`), &x)
	if err != nil {
		t.Fatal(err)
	}
	w := WhyOf(v, x, true)
	if len(w.Groups) != 1 || w.MissingSummary != "2 essential" {
		t.Fatalf("why = %+v", w)
	}
	g := w.Groups[0]
	if g.Heading != "Essential skills" || g.Asked != "3 asked" || g.MetHeading != "Met (1)" || g.MissingHeading != "Missing (2)" {
		t.Errorf("group = %+v", g)
	}
	if m := g.Missing[0]; m.Label != "b" || m.Gap() != "b (level 2 asked) — trained in: Logistics" {
		t.Errorf("missing = %+v, %q", m, m.Gap())
	}
	if m := g.Missing[1]; m.Gap() != "C (level 1 asked)" {
		t.Errorf("missing = %q", m.Gap())
	}
}
