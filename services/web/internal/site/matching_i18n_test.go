package site

import (
	"encoding/json"
	"strconv"
	"testing"
)

// The matching pages keep their messages in their own locale files; this
// test compares them and checks the ids the code builds from a value.
func TestMatchingMessagesExistInBothLanguages(t *testing.T) {
	files := map[string]map[string]any{}
	for _, lang := range []string{"en", "nl"} {
		buf, err := localeFiles.ReadFile("locales/matching." + lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(buf, &m); err != nil {
			t.Fatalf("matching.%s.json: %v", lang, err)
		}
		files[lang] = m
	}
	for id := range files["en"] {
		if _, ok := files["nl"][id]; !ok {
			t.Errorf("message %q has no Dutch translation", id)
		}
	}
	for id := range files["nl"] {
		if _, ok := files["en"][id]; !ok {
			t.Errorf("message %q exists in Dutch only", id)
		}
	}
	built := []string{"MatchListChangedTitle", "MatchListChangedBody", "MatchKind_full", "MatchKind_near"}
	for m := 1; m <= 12; m++ {
		built = append(built, "MatchMonth_"+strconv.Itoa(m))
	}
	for _, k := range programmeKinds {
		built = append(built, "MatchTrainedKind_"+k)
	}
	for _, f := range fits {
		built = append(built, "MatchSchedule_"+f, "MatchLanguage_"+f)
	}
	for _, id := range built {
		if files["en"][id] == nil || files["nl"][id] == nil {
			t.Errorf("message %q is missing", id)
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
		v := &view{localizer: tr.localizer(c.lang), Lang: c.lang}
		if got := monthText(v, c.in); got != c.want {
			t.Errorf("monthText(%s, %q) = %q, want %q", c.lang, c.in, got, c.want)
		}
	}
}

// A card shows only known distance bands, fits and programme kinds, and
// levels stay on the four-step scale.
func TestMatchCardLeavesOffUnknownValues(t *testing.T) {
	v := &view{localizer: mustLoadTranslator().localizer("en"), Lang: "en"}
	c := matchCardOf(v, shortlistEntry{Alias: "K7Q2", Match: "near", Card: candidateCard{
		DistanceBand: "next door to the Gent house", ScheduleFit: "n/a", ProgrammeKinds: []string{"coffee_roastery", "Kortrijk house"},
		Skills: []cardSkill{{Label: "Espresso", Level: 9, Hours: -3}},
	}}, 1)
	if c.Alias != "K7Q2" || !c.Near || c.Distance != "" || c.ScheduleFit != "" {
		t.Errorf("card = %+v", c)
	}
	if len(c.Programmes) != 1 || c.Programmes[0] != "Trained in a coffee roastery" {
		t.Errorf("programmes = %q", c.Programmes)
	}
	if s := c.Skills[0]; s.Level != 4 || s.Hours != 0 || s.LevelOf != "level 4 of 4" {
		t.Errorf("skill = %+v", s)
	}
	remote := -1
	if w := whyOf(v, explanation{DistanceKm: &remote, AvailableFrom: "2027-03-02"}, true); w.Distance != "Remote role" || w.Available != "Available from March 2027" {
		t.Errorf("why = %+v", w)
	}
	if w := whyOf(v, explanation{AvailableFrom: "2027-03-02"}, false); w.Available != "Available from 2027-03-02" || w.Distance != "" {
		t.Errorf("staff why = %+v", w)
	}
}
