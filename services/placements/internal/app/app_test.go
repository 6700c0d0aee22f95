package app

import (
	"context"
	"io"
	"testing"

	"github.com/onward-jobs/onward/pkg/servicekit"
	"github.com/onward-jobs/onward/pkg/servicekit/servicekittest"
)

// TestServiceContract holds the placements service to the contract every
// domain service shares: it starts against real stores, reports itself
// ready, shuts down gracefully, refuses bad settings and has its own
// defaults.
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
		HTTPAddr: ":8085", MongoDB: "onward_placements",
	})
}

// TestConfigDefaultsAndBadSettings checks the service's own settings.
func TestConfigDefaultsAndBadSettings(t *testing.T) {
	env := map[string]string{"MONGO_URI": "mongodb://x", "REDIS_URL": "redis://x", "ONWARD_SERVICE_SECRET": "0123456789abcdef0123456789abcdef"}
	cfg, err := LoadConfig(env)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Stream != "onward.placements" || cfg.IntroductionTTL.Hours() != 336 || cfg.IntroductionReminder.Hours() != 240 ||
		cfg.MaxOpenPerRole != 10 || cfg.SweepInterval.Minutes() != 1 || cfg.GatewayStream != "onward.gateway" {
		t.Errorf("defaults = %+v", cfg)
	}
	for key, bad := range map[string]string{"INTRODUCTION_TTL": "soon", "MAX_OPEN_INTRODUCTIONS_PER_ROLE": "0",
		"INTRODUCTION_REMINDER": "400h", "MATCHING_URL": "not a url"} {
		e := map[string]string{key: bad}
		for k, v := range env {
			e[k] = v
		}
		if _, err := LoadConfig(e); err == nil {
			t.Errorf("%s=%q accepted", key, bad)
		}
	}
}
