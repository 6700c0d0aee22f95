package http

import (
	"testing"

	"github.com/onward-jobs/onward/pkg/apispec"
	"github.com/onward-jobs/onward/pkg/httpx"
)

// TestOpenAPIMatchesRoutes keeps docs/openapi.yaml in step with the
// candidates service's routes, both ways.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	s := httpx.NewServer(httpx.AppConfig{Service: "candidates"})
	Register(s.App, Deps{})
	apispec.CheckRoutes(t, s.App, "candidates")
}
