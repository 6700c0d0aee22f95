package web_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const webModule = "github.com/onward-jobs/onward/services/web/internal/"

// TestPagePackagesImportOnlyTheKit reads the imports of every package
// under internal/pages, tests included, and of the kit. A page package may
// import the kit and nothing else of the web app: never another page
// package, so an audience's pages can change without touching another's.
// The kit imports no page package. Only the route table (internal/app)
// sees them all.
func TestPagePackagesImportOnlyTheKit(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("internal", "pages", "*"))
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		pages++
		for _, imp := range webImports(t, dir) {
			// A test may use webtest, and a black-box test its own package.
			own := webModule + "pages/" + filepath.Base(dir)
			testOnly := strings.HasSuffix(imp.file, "_test.go") && (strings.HasPrefix(imp.path, webModule+"webtest") || imp.path == own)
			if imp.path != webModule+"kit" && !testOnly {
				t.Errorf("%s imports %s: a page package imports only the kit (and, in tests, webtest)", imp.file, imp.path)
			}
		}
	}
	if pages < 5 {
		t.Fatalf("found %d page packages under internal/pages; is the test in the web app's module root?", pages)
	}
	for _, imp := range webImports(t, filepath.Join("internal", "kit")) {
		t.Errorf("%s imports %s: the kit imports nothing of the pages", imp.file, imp.path)
	}
}

// webImport is one import of the web app's own code.
type webImport struct{ file, path string }

// webImports lists the imports of the web app's own packages in the Go
// files of dir.
func webImports(t *testing.T, dir string) []webImport {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []webImport
	for _, file := range files {
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, spec := range f.Imports {
			if imp, _ := strconv.Unquote(spec.Path.Value); strings.HasPrefix(imp, webModule) {
				out = append(out, webImport{file: file, path: imp})
			}
		}
	}
	return out
}
