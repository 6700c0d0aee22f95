package app

import (
	"context"
	"io"
	"testing"

	"github.com/onward-jobs/onward/pkg/servicekit/servicekittest"
)

// run is the service's package-level Run, which this package cannot import.
func run(ctx context.Context, environ map[string]string, logOut io.Writer) error {
	cfg, err := LoadConfig(environ)
	if err != nil {
		return err
	}
	return Run(ctx, cfg, logOut)
}

func TestLifecycle(t *testing.T) {
	t.Parallel()
	servicekittest.CheckLifecycle(t, run)
}

func TestFailsWithoutRedis(t *testing.T) {
	t.Parallel()
	servicekittest.CheckFailsWithoutRedis(t, run)
}

func TestRejectsMissingSecret(t *testing.T) {
	t.Parallel()
	servicekittest.CheckRejectsMissingSecret(t, run)
}

func TestLoadConfigDefaults(t *testing.T) {
	t.Parallel()
	cfg, err := LoadConfig(map[string]string{
		"MONGO_URI": "mongodb://127.0.0.1:27017", "REDIS_URL": "redis://127.0.0.1:6379/0",
		"ONWARD_SERVICE_SECRET": "0123456789abcdef0123456789abcdef",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"HTTP_ADDR": ":8081", "MONGO_DB": "onward_employers", "ONWARD_PUBLIC_URL": "http://localhost:8080",
		"JWKS": "http://localhost:8080/.well-known/jwks.json", "ONWARD_API_AUDIENCE": "onward-api",
	}
	got := map[string]string{
		"HTTP_ADDR": cfg.HTTPAddr, "MONGO_DB": cfg.MongoDB, "ONWARD_PUBLIC_URL": cfg.PublicURL,
		"JWKS": cfg.JWKSURL(), "ONWARD_API_AUDIENCE": cfg.APIAudience,
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %q, want %q", k, got[k], w)
		}
	}
}
