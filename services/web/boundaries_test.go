package web_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// forbidden are what would make the web app more than a client of the
// public API: another service's internal API, a service token, the
// platform's shared secret, or another service's code.
var forbidden = []struct{ text, why string }{
	{"/internal/", "another service's internal API"},
	{"ServiceToken", "a service token"},
	{"ONWARD_SERVICE_SECRET", "the platform's service secret"},
	{"github.com/onward-jobs/onward/services/", "another service's code"},
	{"/pkg/auth", "the token machinery (the gateway alone verifies tokens)"},
}

// TestTheWebAppIsAClientOfThePublicAPI reads every Go file of the web app,
// tests included (but the files of internal/webtest itself, which starts a
// real gateway process for the tests and so must configure it; its
// sub-packages, the fakes and the browser tab, are read like the rest),
// and fails on any import or string literal that reaches past the
// gateway's public /api/v1: the pages must do nothing a phone app or a
// partner's system could not do with the same token.
func TestTheWebAppIsAClientOfThePublicAPI(t *testing.T) {
	files := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || path == "boundaries_test.go" ||
			filepath.Dir(path) == filepath.Join("internal", "webtest") {
			return err
		}
		files++
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			value, _ := strconv.Unquote(lit.Value)
			for _, bad := range forbidden {
				if strings.Contains(value, bad.text) && !strings.HasPrefix(value, "github.com/onward-jobs/onward/services/web") {
					t.Errorf("%s: %q reaches %s", path, value, bad.why)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 20 {
		t.Fatalf("read only %d Go files; is the test in the web app's module root?", files)
	}
}
