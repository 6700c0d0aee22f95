package skills

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// testTaxonomy is a small taxonomy with the ids the curated data uses,
// split over two files like the curated data is.
func testTaxonomy(t *testing.T) *Taxonomy {
	t.Helper()
	tax, err := LoadDir(os.DirFS("testdata/taxonomy"), ".")
	if err != nil {
		t.Fatal(err)
	}
	return tax
}

func TestLoadDirMergesFiles(t *testing.T) {
	tax := testTaxonomy(t)
	if tax.Version() != "test.1" {
		t.Errorf("version = %q, want the one file that names it", tax.Version())
	}
	if len(tax.Skills()) != 11 || len(tax.Occupations()) != 3 {
		t.Fatalf("got %d skills, %d occupations", len(tax.Skills()), len(tax.Occupations()))
	}
	driver, ok := tax.Occupation("forklift-driver")
	if !ok || driver.Essential[1] != (Requirement{Skill: "punctuality", MinLevel: Independent}) {
		t.Errorf("forklift-driver (logistics.json) should require punctuality from coffee.json: %+v", driver)
	}
	s, ok := tax.Skill("barista-skills")
	if !ok || !reflect.DeepEqual(s.Parents, []string{"coffee-production", "hospitality-service"}) {
		t.Errorf("a skill may have two parents (a DAG): %+v", s)
	}
	if s.Kind != KindSkill || s.Label(FR) != "Compétences de barista" {
		t.Errorf("barista-skills = %+v", s)
	}
	if _, ok := tax.Skill("nope"); ok {
		t.Error("unknown skill found")
	}
	ids := []string{}
	for _, s := range tax.Skills() {
		ids = append(ids, s.ID)
	}
	if !sortedStrings(ids) {
		t.Errorf("Skills() not sorted by id: %v", ids)
	}
}

func sortedStrings(s []string) bool {
	for i := 1; i < len(s); i++ {
		if s[i-1] >= s[i] {
			return false
		}
	}
	return true
}

func TestSkillsReturnsACopy(t *testing.T) {
	tax := testTaxonomy(t)
	list := tax.Skills()
	list[0] = Skill{ID: "changed"}
	if tax.Skills()[0].ID == "changed" {
		t.Error("Skills() exposes the taxonomy's own slice")
	}
}

func TestVersionFileWins(t *testing.T) {
	fsys := fstest.MapFS{
		"d/a.json": {Data: []byte(`{"version": "1", "skills": [{"id": "a", "kind": "skill", "labels": {"en": "A"}}]}`)},
		"d/b.json": {Data: []byte(`{"version": "2", "skills": [{"id": "b", "kind": "skill", "labels": {"en": "B"}}]}`)},
	}
	if _, err := LoadDir(fsys, "d"); err == nil || !strings.Contains(err.Error(), "d/b.json has version") {
		t.Errorf("disagreeing versions should be an error naming the file, got %v", err)
	}
	fsys["d/VERSION"] = &fstest.MapFile{Data: []byte("2026.11.1\n")}
	tax, err := LoadDir(fsys, "d")
	if err != nil || tax.Version() != "2026.11.1" {
		t.Errorf("VERSION file should win: %v, %v", tax, err)
	}
}

func TestWriteLoadRoundTrip(t *testing.T) {
	tax := testTaxonomy(t)
	var buf bytes.Buffer
	if err := Write(&buf, tax); err != nil {
		t.Fatal(err)
	}
	back, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if back.Version() != tax.Version() {
		t.Errorf("version %q, want %q", back.Version(), tax.Version())
	}
	if !reflect.DeepEqual(back.Skills(), tax.Skills()) {
		t.Errorf("skills differ after a round trip:\n%+v\n%+v", back.Skills(), tax.Skills())
	}
	if !reflect.DeepEqual(back.Occupations(), tax.Occupations()) {
		t.Errorf("occupations differ after a round trip")
	}
}

// TestValidation checks every rule, and that the error names the file and
// the skill or occupation to fix.
func TestValidation(t *testing.T) {
	const ok = `{"id": "ok", "kind": "skill", "labels": {"en": "OK"}}`
	for _, tc := range []struct {
		name, skills, occupations, want string
	}{
		{"bad id", `{"id": "Coffee_Roasting", "kind": "skill", "labels": {"en": "x"}}`, ``, `skill "Coffee_Roasting": id must match`},
		{"duplicate id", ok + `,` + ok, ``, `skill "ok" already defined in curated/area.json`},
		{"no English", `{"id": "a", "kind": "skill", "labels": {"nl": "x"}}`, ``, `skill "a": English label (en) is required`},
		{"unknown language", `{"id": "a", "kind": "skill", "labels": {"en": "x", "es": "y"}}`, ``, `unsupported language "es"`},
		{"bad kind", `{"id": "a", "kind": "talent", "labels": {"en": "x"}}`, ``, `skill "a": kind "talent"`},
		{"missing parent", `{"id": "a", "kind": "skill", "labels": {"en": "x"}, "parents": ["b"]}`, ``, `skill "a": parent "b" does not exist`},
		{"missing related", `{"id": "a", "kind": "skill", "labels": {"en": "x"}, "related": ["b"]}`, ``, `skill "a": related skill "b" does not exist`},
		{"own parent", `{"id": "a", "kind": "skill", "labels": {"en": "x"}, "parents": ["a"]}`, ``, `skill "a": is its own parent`},
		{"cycle",
			`{"id": "a", "kind": "skill", "labels": {"en": "x"}, "parents": ["b"]},
			 {"id": "b", "kind": "skill", "labels": {"en": "x"}, "parents": ["c"]},
			 {"id": "c", "kind": "skill", "labels": {"en": "x"}, "parents": ["a"]}`, ``, `parents form a cycle: a → b → c → a`},
		{"bad esco uri", `{"id": "a", "kind": "skill", "labels": {"en": "x"}, "esco_uri": "https://example.org/skill/1"}`, ``, `does not start with http://data.europa.eu/esco/`},
		{"duplicate esco uri",
			`{"id": "a", "kind": "skill", "labels": {"en": "x"}, "esco_uri": "http://data.europa.eu/esco/skill/1"},
			 {"id": "b", "kind": "skill", "labels": {"en": "x"}, "esco_uri": "http://data.europa.eu/esco/skill/1"}`, ``, `already used by "a"`},
		{"missing requirement", ok, `{"id": "job", "labels": {"en": "Job"}, "essential": [{"skill": "nope", "min_level": 2}]}`, `occupation "job": essential skill "nope" does not exist`},
		{"bad level", ok, `{"id": "job", "labels": {"en": "Job"}, "optional": [{"skill": "ok", "min_level": 5}]}`, `occupation "job": optional skill "ok": min_level 5 is not 1–4`},
		{"required twice", ok, `{"id": "job", "labels": {"en": "Job"}, "essential": [{"skill": "ok", "min_level": 2}], "optional": [{"skill": "ok", "min_level": 1}]}`, `skill "ok" required twice`},
		{"unknown field", `{"id": "a", "kind": "skill", "labels": {"en": "x"}, "parent": ["b"]}`, ``, `unknown field "parent"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := `{"skills": [` + tc.skills + `], "occupations": [` + tc.occupations + `]}`
			fsys := fstest.MapFS{"curated/area.json": {Data: []byte(doc)}}
			_, err := LoadDir(fsys, "curated")
			if err == nil {
				t.Fatal("invalid data loaded")
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error should wrap ErrInvalid: %v", err)
			}
			if !strings.Contains(err.Error(), "curated/area.json") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q should name the file and contain %q", err, tc.want)
			}
		})
	}
}

func TestDuplicateAcrossFilesNamesBoth(t *testing.T) {
	skill := `{"skills": [{"id": "a", "kind": "skill", "labels": {"en": "x"}}]}`
	fsys := fstest.MapFS{"d/one.json": {Data: []byte(skill)}, "d/two.json": {Data: []byte(skill)}}
	_, err := LoadDir(fsys, "d")
	if err == nil || !strings.Contains(err.Error(), "d/two.json") || !strings.Contains(err.Error(), "d/one.json") {
		t.Errorf("want an error naming both files, got %v", err)
	}
}

func TestLoadDirWithoutFiles(t *testing.T) {
	if _, err := LoadDir(fstest.MapFS{}, "empty"); err == nil {
		t.Error("a directory without data files should not load as an empty taxonomy")
	}
}

func TestLoadRejectsDuplicates(t *testing.T) {
	_, err := Load(strings.NewReader(`{"occupations": [{"id": "a", "labels": {"en": "A"}}, {"id": "a", "labels": {"en": "A"}}]}`))
	if err == nil || !strings.Contains(err.Error(), `occupation "a": duplicate id`) {
		t.Errorf("want a duplicate id error, got %v", err)
	}
}

func TestLoadRejectsTrailingData(t *testing.T) {
	_, err := Load(strings.NewReader(`{"skills": []} {"skills": []}`))
	if !errors.Is(err, ErrInvalid) {
		t.Errorf("want ErrInvalid, got %v", err)
	}
}
