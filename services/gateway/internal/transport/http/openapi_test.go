package http

import (
	"context"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/gofiber/fiber/v2"
)

// TestOpenAPIMatchesRoutes keeps docs/openapi.yaml in step with the
// gateway's own routes: every API route is described, and every operation
// the description assigns to the gateway exists.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(filepath.Join("..", "..", "..", "..", "..", "docs", "openapi.yaml"))
	if err != nil {
		t.Fatalf("load openapi.yaml: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.yaml is not valid OpenAPI: %v", err)
	}
	documented := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			if svc, _ := op.Extensions["x-service"].(string); svc == "gateway" || svc == "all" {
				documented[method+" "+path] = true
			}
		}
	}

	app := fiber.New()
	Register(app, Deps{Proxy: NewProxy(nil, time.Second)})
	app.Get("/healthz", nil)
	app.Get("/readyz", nil)
	app.Get("/metrics", nil)
	served := map[string]bool{}
	param := regexp.MustCompile(`:([a-z_]+)`)
	for _, r := range app.GetRoutes(true) {
		if r.Method == fiber.MethodHead || r.Method == "USE" || !isAPI(r.Path) {
			continue
		}
		served[r.Method+" "+param.ReplaceAllString(r.Path, "{$1}")] = true
	}
	for op := range served {
		if !documented[op] {
			t.Errorf("route %s is not described in docs/openapi.yaml", op)
		}
	}
	for op := range documented {
		if !served[op] {
			t.Errorf("docs/openapi.yaml describes %s, which the gateway does not serve", op)
		}
	}
	if t.Failed() {
		t.Logf("served: %v", keys(served))
	}
}

func isAPI(path string) bool {
	for _, prefix := range []string{"/api/", "/.well-known/", "/internal/", "/healthz", "/readyz", "/metrics"} {
		if strings.HasPrefix(path, prefix) {
			return true
		}
	}
	return false
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
