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
		for path, imp := range webImports(t, dir) {
			if imp != webModule+"kit" && !strings.HasPrefix(imp, webModule+"webtest") {
				t.Errorf("%s imports %s: a page package imports only the kit (and, in tests, webtest)", path, imp)
			}
		}
	}
	if pages < 5 {
		t.Fatalf("found %d page packages under internal/pages; is the test in the web app's module root?", pages)
	}
	for path, imp := range webImports(t, filepath.Join("internal", "kit")) {
		t.Errorf("%s imports %s: the kit imports nothing of the pages", path, imp)
	}
}

// webImports maps each Go file of dir to the web app's packages it
// imports (one per file is enough to report).
func webImports(t *testing.T, dir string) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, path := range files {
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, spec := range f.Imports {
			imp, _ := strconv.Unquote(spec.Path.Value)
			if strings.HasPrefix(imp, webModule) && !(strings.HasSuffix(path, "_test.go") && strings.HasPrefix(imp, webModule+"webtest")) {
				if imp != webModule+"kit" || filepath.Base(dir) == "kit" {
					out[path] = imp
				}
			}
		}
	}
	return out
}
