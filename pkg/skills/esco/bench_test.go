package esco

import (
	"os"
	"testing"

	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/pkg/skills/internal/escogen"
)

// BenchmarkImportESCO measures the CSV import over a synthetic download the
// size of ESCO v1.2 in four languages (14,000 skills, 3,000 occupations,
// about 120,000 relations), generated before the timer starts.
func BenchmarkImportESCO(b *testing.B) {
	dir := b.TempDir()
	if err := escogen.Write(dir, escogen.ESCOSize); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	for b.Loop() {
		if _, err := Import(fsys, Options{Langs: skills.Langs}); err != nil {
			b.Fatal(err)
		}
	}
}
