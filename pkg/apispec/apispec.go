// Package apispec keeps docs/openapi.yaml in step with the services: a
// test in each service hands it the service's Fiber routes, and it checks
// that every API route is described and every operation the description
// assigns to that service (with `x-service`) is served. Only tests import
// it.
package apispec

import (
	"context"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/testkit"
)

// apiPrefixes are the paths the description covers; web pages and assets
// are HTML for people, not API.
var apiPrefixes = []string{"/api/", "/.well-known/", "/internal/", "/healthz", "/readyz", "/metrics"}

// CheckRoutes loads docs/openapi.yaml from the repository root, validates
// it, and compares it both ways with app's routes for service. Operations
// marked `x-service: all` must be served by every service.
func CheckRoutes(t *testing.T, app *fiber.App, service string) {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromFile(filepath.Join(testkit.RepoRoot(t), "docs", "openapi.yaml"))
	if err != nil {
		t.Fatalf("load openapi.yaml: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.yaml is not valid OpenAPI: %v", err)
	}
	documented := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			if svc, _ := op.Extensions["x-service"].(string); svc == service || svc == "all" {
				documented[method+" "+path] = true
			}
		}
	}
	served := servedRoutes(app)
	for _, op := range sorted(served) {
		if !documented[op] {
			t.Errorf("%s serves %s, which docs/openapi.yaml does not describe for it", service, op)
		}
	}
	for _, op := range sorted(documented) {
		if !served[op] {
			t.Errorf("docs/openapi.yaml describes %s for %s, which does not serve it", op, service)
		}
	}
}

var param = regexp.MustCompile(`:([a-z_]+)`)

func servedRoutes(app *fiber.App) map[string]bool {
	served := map[string]bool{}
	for _, r := range app.GetRoutes(true) {
		if r.Method == fiber.MethodHead || r.Method == "USE" || !isAPI(r.Path) {
			continue
		}
		served[r.Method+" "+param.ReplaceAllString(r.Path, "{$1}")] = true
	}
	return served
}

func isAPI(path string) bool {
	for _, prefix := range apiPrefixes {
		if strings.HasPrefix(path, prefix) {
			return true
		}
	}
	return false
}

func sorted(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
