package http

import (
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/apispec"
	"github.com/onward-jobs/onward/pkg/httpx"
)

// TestOpenAPIMatchesRoutes keeps docs/openapi.yaml in step with the
// gateway's own routes, including the health and metrics routes every
// service gets from httpx.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	s := httpx.NewServer(httpx.AppConfig{Service: "gateway"})
	Register(s.App, Deps{Proxy: NewProxy(nil, time.Second)})
	apispec.CheckRoutes(t, s.App, "gateway")
}
