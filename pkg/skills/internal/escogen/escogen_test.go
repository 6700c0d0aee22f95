package escogen_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/pkg/skills/esco"
	"github.com/onward-jobs/onward/pkg/skills/internal/escogen"
)

// TestSmallGeneratedDownloadImports keeps the generator honest: what it
// writes must be a valid ESCO download for the importer.
func TestSmallGeneratedDownloadImports(t *testing.T) {
	dir := t.TempDir()
	cfg := escogen.Config{Skills: 300, Occupations: 50, SkillsPerOccupation: 10, Langs: []string{"en", "nl", "fr", "de"}, Seed: 7}
	if err := escogen.Write(dir, cfg); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "skills_de.csv")); err != nil {
		t.Fatal(err)
	}
	tax, err := esco.Import(os.DirFS(dir), esco.Options{Langs: skills.Langs})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(tax.Skills()); got != cfg.Skills {
		t.Errorf("skills = %d, want %d", got, cfg.Skills)
	}
	if got := len(tax.Occupations()); got != cfg.Occupations {
		t.Errorf("occupations = %d, want %d", got, cfg.Occupations)
	}
}
