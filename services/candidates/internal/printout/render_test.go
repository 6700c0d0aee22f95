package printout

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// pdfText returns the text poppler's pdftotext reads from pdf, with runs of
// white space made one space. poppler-utils is a test dependency
// (scripts/ensure-test-deps.sh installs it), so its absence fails.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	out := popplerTool(t, "pdftotext", pdf, "-enc", "UTF-8")
	return strings.Join(strings.Fields(out), " ")
}

// popplerTool runs tool on pdf written to a file and returns what it
// prints; for pdftotext the text goes to standard output.
func popplerTool(t *testing.T, tool string, pdf []byte, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Fatalf("%s is missing: install poppler-utils (scripts/ensure-test-deps.sh does): %v", tool, err)
	}
	file := filepath.Join(t.TempDir(), "portfolio.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	args = append(args, file)
	if tool == "pdftotext" {
		args = append(args, "-")
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v: %s", tool, err, out)
	}
	return string(out)
}

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
	text := pdfText(t, pdf)
	for i := range 40 {
		if url := fmt.Sprintf("https://onward.test/verify/credentials/att-%02d", i); !strings.Contains(text, url) {
			t.Errorf("attestation %d's address %s is missing", i, url)
		}
	}
	info := popplerTool(t, "pdfinfo", pdf)
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
