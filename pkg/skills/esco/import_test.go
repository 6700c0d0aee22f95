package esco

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/onward-jobs/onward/pkg/skills"
)

const fixtureDir = "../testdata/esco"

var fixtureLangs = []skills.Lang{skills.EN, skills.NL}

func importFixture(t *testing.T) *skills.Taxonomy {
	t.Helper()
	tax, err := Import(os.DirFS(fixtureDir), Options{Langs: fixtureLangs})
	if err != nil {
		t.Fatal(err)
	}
	return tax
}

func TestImportFixture(t *testing.T) {
	tax := importFixture(t)
	if tax.Version() != DefaultVersion {
		t.Errorf("version = %q", tax.Version())
	}
	if n := len(tax.Skills()); n != 7 {
		t.Errorf("skills = %d, want 7", n)
	}
	roast, ok := tax.Skill("roast-coffee-beans")
	if !ok {
		t.Fatal("roast-coffee-beans missing")
	}
	want := skills.Skill{
		ID:   "roast-coffee-beans",
		Kind: skills.KindSkill,
		Labels: map[skills.Lang]string{
			skills.EN: "roast coffee beans",
			skills.NL: "koffiebonen branden",
		},
		Synonyms: map[skills.Lang][]string{
			skills.EN: {"coffee roasting", "roasting coffee"},
			skills.NL: {"koffie branden", "branden van koffie"},
		},
		Parents: []string{"coffee-characteristics"},
		ESCOURI: "http://data.europa.eu/esco/skill/s01-fixture",
	}
	if !reflect.DeepEqual(roast, want) {
		t.Errorf("roast-coffee-beans =\n%+v\nwant\n%+v", roast, want)
	}
	kinds := map[string]skills.Kind{
		"food-hygiene":           skills.KindKnowledge,
		"work-in-teams":          skills.KindTransversal,
		"operate-forklift":       skills.KindSkill,
		"coffee-characteristics": skills.KindKnowledge,
	}
	for id, kind := range kinds {
		if s, _ := tax.Skill(id); s.Kind != kind {
			t.Errorf("%s kind = %q, want %q", id, s.Kind, kind)
		}
	}
	if s, _ := tax.Skill("food-hygiene"); !reflect.DeepEqual(s.Synonyms[skills.EN], []string{"food safety, hygiene and handling", "HACCP"}) {
		t.Errorf("a comma inside a quoted alt label must survive: %q", s.Synonyms[skills.EN])
	}
	if s, _ := tax.Skill("operate-forklift"); len(s.Parents) != 0 || s.Synonyms[skills.EN][1] != `use "reach" trucks` {
		t.Errorf("a skill group is not a parent, and doubled quotes are one quote: %+v", s)
	}
	if s, ok := tax.Skill("operate-forklift-s06fixtu"); !ok || s.ESCOURI != "http://data.europa.eu/esco/skill/s06-fixture" {
		t.Errorf("the second 'operate forklift' should get the start of its URI as suffix: %+v", s)
	}
}

func TestImportOccupations(t *testing.T) {
	tax := importFixture(t)
	barista, ok := tax.Occupation("barista")
	if !ok {
		t.Fatal("barista missing")
	}
	req := func(ids ...string) []skills.Requirement {
		out := []skills.Requirement{}
		for _, id := range ids {
			out = append(out, skills.Requirement{Skill: id, MinLevel: DefaultMinLevel})
		}
		return out
	}
	if !reflect.DeepEqual(barista.Essential, req("prepare-espresso", "food-hygiene")) {
		t.Errorf("essential = %+v", barista.Essential)
	}
	if !reflect.DeepEqual(barista.Optional, req("roast-coffee-beans", "work-in-teams")) {
		t.Errorf("optional = %+v", barista.Optional)
	}
	if barista.Label(skills.NL) != "barista" || !reflect.DeepEqual(barista.Synonyms[skills.NL], []string{"koffiebarista", "baristamedewerker"}) {
		t.Errorf("barista names = %v %v", barista.Labels, barista.Synonyms)
	}
	driver, _ := tax.Occupation("forklift-operator")
	if driver.Label(skills.NL) != "heftruckchauffeur" || len(driver.Essential) != 1 || len(driver.Optional) != 2 {
		t.Errorf("forklift-operator = %+v", driver)
	}
	if got := tax.SuggestOccupations("heftruckchaufeur", skills.NL, 1); len(got) != 1 || got[0].Occupation.ID != "forklift-operator" {
		t.Errorf("imported occupations should be searchable: %+v", got)
	}
}

// TestImportRoundTrip writes the imported taxonomy as a data file and loads
// it back: everything the import produced must survive.
func TestImportRoundTrip(t *testing.T) {
	tax := importFixture(t)
	var buf bytes.Buffer
	if err := skills.Write(&buf, tax); err != nil {
		t.Fatal(err)
	}
	back, err := skills.Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if back.Version() != tax.Version() {
		t.Errorf("version %q != %q", back.Version(), tax.Version())
	}
	if !reflect.DeepEqual(back.Skills(), tax.Skills()) {
		t.Errorf("skills differ:\n%+v\n%+v", back.Skills(), tax.Skills())
	}
	if !reflect.DeepEqual(back.Occupations(), tax.Occupations()) {
		t.Errorf("occupations differ:\n%+v\n%+v", back.Occupations(), tax.Occupations())
	}
}

// TestImportFindsColumnsByName shuffles the columns of one file; the
// result must not change.
func TestImportFindsColumnsByName(t *testing.T) {
	fsys := fixtureFS(t)
	fsys["skills_nl.csv"].Data = reorderColumns(t, fsys["skills_nl.csv"].Data)
	got, err := Import(fsys, Options{Langs: fixtureLangs})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Skills(), importFixture(t).Skills()) {
		t.Error("reordering columns changed the import")
	}
}

// TestImportMalformed checks that each kind of damage stops the import with
// the file, line and column of the problem.
func TestImportMalformed(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		damage     func(string) string
		want       string
	}{
		{"unterminated quote", "skills_nl.csv", func(s string) string {
			lines := strings.SplitAfter(s, "\n")
			broken := `"KnowledgeSkillCompetence","http://data.europa.eu/esco/skill/s99-fixture` + "\n"
			return strings.Join(lines[:4], "") + broken + strings.Join(lines[4:], "")
		}, `skills_nl.csv:6:1: extraneous or missing " in quoted-field (in the record starting on line 5)`},
		{"stray quote", "skills_nl.csv", func(s string) string {
			return s + `"KnowledgeSkillCompetence","http://data.europa.eu/esco/skill/s99-fixture,"skill/competence"` + "\n"
		}, `skills_nl.csv:10:74: extraneous or missing " in quoted-field`},
		{"missing column", "occupations_en.csv", func(s string) string {
			return strings.Replace(s, `"preferredLabel"`, `"prefLabel"`, 1)
		}, `occupations_en.csv:1:1: missing column "preferredLabel"`},
		{"bad relationType", "occupationSkillRelations_en.csv", func(s string) string {
			return replaceNth(s, `"optional"`, `"desirable"`, 1)
		}, `occupationSkillRelations_en.csv:4:53: relationType "desirable"`},
		{"too few fields", "broaderRelationsSkillPillar_en.csv", func(s string) string {
			return s + `"KnowledgeSkillCompetence","http://data.europa.eu/esco/skill/s03-fixture"` + "\n"
		}, `broaderRelationsSkillPillar_en.csv:6:`},
		{"unknown skill", "occupationSkillRelations_en.csv", func(s string) string {
			return strings.Replace(s, "skill/s04-fixture", "skill/s42-fixture", 1)
		}, `occupationSkillRelations_en.csv:5:`},
		{"bad skillType", "skills_en.csv", func(s string) string {
			return strings.Replace(s, `"knowledge"`, `"attitude"`, 1)
		}, `skills_en.csv:6:75: skillType "attitude"`},
		{"not an ESCO URI", "occupations_nl.csv", func(s string) string {
			return strings.Replace(s, "http://data.europa.eu/esco/occupation/o02", "https://example.org/o02", 1)
		}, `occupations_nl.csv:4:14: conceptUri "https://example.org/o02-fixture" is not an ESCO URI`},
		{"empty file", "skills_en.csv", func(string) string { return "" }, `skills_en.csv:1:1: empty file`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fixtureFS(t)
			fsys[tc.file].Data = []byte(tc.damage(string(fsys[tc.file].Data)))
			_, err := Import(fsys, Options{Langs: fixtureLangs})
			var ee *Error
			if !errors.As(err, &ee) {
				t.Fatalf("want an *esco.Error, got %v", err)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %q should start with %q", err, tc.want)
			}
		})
	}
}

func TestImportMissingFile(t *testing.T) {
	fsys := fixtureFS(t)
	delete(fsys, "occupations_nl.csv")
	_, err := Import(fsys, Options{Langs: fixtureLangs})
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "occupations_nl.csv") {
		t.Errorf("want a not-exist error naming the file, got %v", err)
	}
}

func TestImportWithoutEnglish(t *testing.T) {
	tax, err := Import(os.DirFS(fixtureDir), Options{Langs: []skills.Lang{skills.NL}})
	if err != nil {
		t.Fatal(err)
	}
	s, ok := tax.Skill("esco-s01-fixture")
	if !ok || s.Labels[skills.EN] != "koffiebonen branden" {
		t.Errorf("without English, ids come from the URI and the English label falls back: %+v", tax.Skills())
	}
}

func fixtureFS(t *testing.T) fstest.MapFS {
	t.Helper()
	entries, err := os.ReadDir(fixtureDir)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, e := range entries {
		b, err := os.ReadFile(fixtureDir + "/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		fsys[e.Name()] = &fstest.MapFile{Data: b}
	}
	return fsys
}

func replaceNth(s, old, new string, n int) string {
	i := -1
	for range n {
		j := strings.Index(s[i+1:], old)
		if j < 0 {
			return s
		}
		i += j + 1
	}
	return s[:i] + new + s[i+len(old):]
}
