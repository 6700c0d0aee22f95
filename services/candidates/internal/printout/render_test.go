package printout

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/services/candidates/internal/printout/poppler"
)

// TestLongPortfolioBreaksPages: forty attestations run over several pages,
// none is lost at a page break, every page is numbered and carries the
// alias, and accented labels print as written.
func TestLongPortfolioBreaksPages(t *testing.T) {
	p := Portfolio{Alias: "K7Q2", TotalHours: 1200, Skills: []Skill{{Label: "Pâtisserie fine", Level: 2, Hours: 300}}}
	for i := range 40 {
		p.Attestations = append(p.Attestations, Attestation{
			Label: fmt.Sprintf("Skill %02d", i), Level: 1 + i%4, Hours: 10 * i, Date: "2026-11-20",
			VerifyURL: fmt.Sprintf("https://onward.test/verify/credentials/att-%02d", i),
		})
	}
	pdf, err := Render(p, Options{Paper: A4, Lang: "de", PrintedAt: time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	text := poppler.Text(t, pdf)
	for i := range 40 {
		if url := fmt.Sprintf("https://onward.test/verify/credentials/att-%02d", i); !strings.Contains(text, url) {
			t.Errorf("attestation %d's address %s is missing", i, url)
		}
	}
	info := poppler.Run(t, "pdfinfo", pdf)
	pages := 0
	if _, err := fmt.Sscanf(info[strings.Index(info, "Pages:"):], "Pages: %d", &pages); err != nil || pages < 3 {
		t.Fatalf("pages = %d (%v); want 3 or more:\n%s", pages, err, info)
	}
	for _, want := range []string{"Pâtisserie fine", "Fähigkeiten", "Gedruckt am 2026-12-07", fmt.Sprintf("Onward · K7Q2 · Seite %d von %d", pages, pages)} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
}
