package app

import (
	"context"
	"io"
	"testing"

	"github.com/onward-jobs/onward/pkg/servicekit"
	"github.com/onward-jobs/onward/pkg/servicekit/servicekittest"
)

// TestServiceContract holds the insights service to the contract every
// domain service shares: it starts against real stores (the owners not
// reachable: its rebuild waits for them), reports itself ready, shuts
// down gracefully, refuses bad settings and has its own defaults.
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
		HTTPAddr: ":8086", MongoDB: "onward_insights",
	})
}

// TestConfigDefaultsAndBadSettings checks the service's own settings:
// the owners' streams as the producers name them.
func TestConfigDefaultsAndBadSettings(t *testing.T) {
	env := map[string]string{"MONGO_URI": "mongodb://x", "REDIS_URL": "redis://x", "ONWARD_SERVICE_SECRET": "0123456789abcdef0123456789abcdef"}
	cfg, err := LoadConfig(env)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"onward.candidates", "onward.matching", "onward.placements", "onward.gateway", "onward.employers.roles"}
	for i, s := range cfg.streams() {
		if s != want[i] {
			t.Errorf("stream %d = %q, want %q", i, s, want[i])
		}
	}
	if cfg.EventsBatch != 500 || cfg.PassInterval.Hours() != 1 || cfg.PlacementsURL != "http://localhost:8085" || cfg.CommitChunk != 200 {
		t.Errorf("defaults = %+v", cfg)
	}
	for key, bad := range map[string]string{"EVENTS_BATCH": "0", "DAILY_PASS_INTERVAL": "daily", "PLACEMENTS_URL": "not a url", "COMMIT_CHUNK": "-1"} {
		e := map[string]string{key: bad}
		for k, v := range env {
			e[k] = v
		}
		if _, err := LoadConfig(e); err == nil {
			t.Errorf("%s=%q accepted", key, bad)
		}
	}
}
