package http

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

// pdfText returns the text poppler's pdftotext reads from pdf, with runs of
// white space made one space. poppler-utils is a test dependency
// (scripts/ensure-test-deps.sh installs it), so its absence fails the test
// rather than skipping it.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	return strings.Join(strings.Fields(poppler(t, "pdftotext", pdf, "-enc", "UTF-8")), " ")
}

var pageSize = regexp.MustCompile(`Page size:\s+([0-9.]+) x ([0-9.]+) pts`)

// pdfPageSize returns the first page's size in whole points, as pdfinfo
// reads it.
func pdfPageSize(t *testing.T, pdf []byte) (int, int) {
	t.Helper()
	info := poppler(t, "pdfinfo", pdf)
	m := pageSize.FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo names no page size:\n%s", info)
	}
	w, _ := strconv.ParseFloat(m[1], 64)
	h, _ := strconv.ParseFloat(m[2], 64)
	return int(math.Round(w)), int(math.Round(h))
}

// poppler runs one of poppler's tools on pdf and returns what it prints.
func poppler(t *testing.T, tool string, pdf []byte, args ...string) string {
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
