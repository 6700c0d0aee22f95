package http

import (
	"testing"

	"github.com/onward-jobs/onward/pkg/apispec"
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/skills"
)

// TestOpenAPIMatchesRoutes keeps docs/openapi.yaml in step with the
// matching service's routes.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	s := httpx.NewServer(httpx.AppConfig{Service: "matching"})
	Register(s.App, Deps{Taxonomy: skills.Default(), Places: geo.Default()})
	apispec.CheckRoutes(t, s.App, "matching")
}
