package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/pkg/skills"
)

const fixtureDir = "../../testdata/esco"

func TestImportWritesDataFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "esco.json")
	var stdout bytes.Buffer
	if err := run([]string{"-dir", fixtureDir, "-langs", "en,nl", "-out", out}, &stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
	tax := loadFile(t, out)
	if len(tax.Skills()) != 7 || len(tax.Occupations()) != 2 {
		t.Errorf("got %d skills, %d occupations", len(tax.Skills()), len(tax.Occupations()))
	}
	if !strings.Contains(stdout.String(), "7 skills, 2 occupations") {
		t.Errorf("summary = %q", stdout.String())
	}
}

func TestImportMergesWithCurated(t *testing.T) {
	out := filepath.Join(t.TempDir(), "merged.json")
	args := []string{"-dir", fixtureDir, "-langs", "en,nl", "-out", out, "-merge-with", "../../testdata/taxonomy"}
	if err := run(args, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	tax := loadFile(t, out)
	if tax.Version() != "test.1+esco-1.2" {
		t.Errorf("version = %q", tax.Version())
	}
	if _, ok := tax.Skill("coffee-roasting"); !ok {
		t.Error("curated skill missing")
	}
	if _, ok := tax.Skill("roast-coffee-beans"); !ok {
		t.Error("imported skill missing")
	}
	if _, ok := tax.Occupation("barista-esco"); !ok {
		t.Error("the imported barista has no URI in common with the curated one, so it should be added as barista-esco")
	}
}

// TestMalformedInputWritesNothing checks the promise of the command: a bad
// ESCO file yields file:line:col and leaves the output as it was.
func TestMalformedInputWritesNothing(t *testing.T) {
	dir := copyFixture(t)
	rel := filepath.Join(dir, "occupationSkillRelations_en.csv")
	b, _ := os.ReadFile(rel)
	os.WriteFile(rel, bytes.Replace(b, []byte(`"essential"`), []byte(`"required"`), 1), 0o644)

	outDir := t.TempDir()
	out := filepath.Join(outDir, "esco.json")
	err := run([]string{"-dir", dir, "-langs", "en,nl", "-out", out}, io.Discard, io.Discard)
	if err == nil || !strings.HasPrefix(err.Error(), "occupationSkillRelations_en.csv:2:53: relationType \"required\"") {
		t.Fatalf("want file:line:col, got %v", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the output file exists after a failed import: %v", err)
	}

	os.WriteFile(out, []byte("previous"), 0o644)
	if err := run([]string{"-dir", dir, "-langs", "en,nl", "-out", out}, io.Discard, io.Discard); err == nil {
		t.Fatal("second run should fail too")
	}
	if b, _ := os.ReadFile(out); string(b) != "previous" {
		t.Errorf("a failed import overwrote the previous output: %q", b)
	}
	entries, _ := os.ReadDir(outDir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-out", "x.json"},
		{"-dir", fixtureDir},
		{"-dir", fixtureDir, "-out", "x.json", "-langs", "en,es"},
	} {
		if err := run(args, io.Discard, io.Discard); err == nil {
			t.Errorf("run(%q) should fail", args)
		}
	}
}

func loadFile(t *testing.T, path string) *skills.Taxonomy {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tax, err := skills.Load(f)
	if err != nil {
		t.Fatal(err)
	}
	return tax
}

func copyFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(fixtureDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(fixtureDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
