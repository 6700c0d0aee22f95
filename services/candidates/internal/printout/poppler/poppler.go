// Package poppler reads PDFs back for the tests with poppler's command-line
// tools (pdftotext, pdfinfo, pdftoppm). poppler-utils is a test dependency
// (scripts/ensure-test-deps.sh installs it), so a missing tool fails the
// test rather than skipping it. It is for tests only.
package poppler

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Text returns the text pdftotext reads from pdf, with runs of white space
// made one space.
func Text(t testing.TB, pdf []byte) string {
	t.Helper()
	return strings.Join(strings.Fields(Run(t, "pdftotext", pdf, "-enc", "UTF-8")), " ")
}

var pageSize = regexp.MustCompile(`Page size:\s+([0-9.]+) x ([0-9.]+) pts`)

// PageSize returns the first page's size in whole points, as pdfinfo reads
// it.
func PageSize(t testing.TB, pdf []byte) (int, int) {
	t.Helper()
	info := Run(t, "pdfinfo", pdf)
	m := pageSize.FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo names no page size:\n%s", info)
	}
	w, _ := strconv.ParseFloat(m[1], 64)
	h, _ := strconv.ParseFloat(m[2], 64)
	return int(math.Round(w)), int(math.Round(h))
}

// Run runs tool on pdf, written to a file, with args before the file name,
// and returns what it prints; pdftotext prints the text to standard output.
func Run(t testing.TB, tool string, pdf []byte, args ...string) string {
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
