package app

import (
	"context"
	"io"
	"testing"

	"github.com/onward-jobs/onward/pkg/servicekit"
	"github.com/onward-jobs/onward/pkg/servicekit/servicekittest"
)

// TestServiceContract holds the employers service to the contract every domain
// service shares: it starts against real stores, reports itself ready,
// shuts down gracefully, refuses bad settings and has its own defaults.
func TestServiceContract(t *testing.T) {
	t.Parallel()
	servicekittest.CheckContract(t, servicekittest.Contract{
		Run: func(ctx context.Context, environ map[string]string, logOut io.Writer) error {
			cfg, err := LoadConfig(environ)
			if err != nil {
				return err
			}
			return Run(ctx, cfg, logOut)
		},
		Load: func(environ map[string]string) (servicekit.Config, error) {
			cfg, err := LoadConfig(environ)
			return cfg.Config, err
		},
		HTTPAddr: ":8081", MongoDB: "onward_employers",
	})
}
