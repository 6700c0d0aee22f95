package http

import (
	"testing"

	"github.com/onward-jobs/onward/pkg/apispec"
	"github.com/onward-jobs/onward/pkg/httpx"
)

// TestOpenAPIMatchesRoutes keeps docs/openapi.yaml in step with the
// insights API's routes.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	s := httpx.NewServer(httpx.AppConfig{Service: "insights"})
	Register(s.App, Deps{})
	apispec.CheckRoutes(t, s.App, "insights")
}
