package app

import (
	"context"
	"io"
	"testing"

	"github.com/onward-jobs/onward/pkg/servicekit"
	"github.com/onward-jobs/onward/pkg/servicekit/servicekittest"
)

// TestServiceContract holds the notifications service to the contract every domain
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
		HTTPAddr: ":8084", MongoDB: "onward_notifications",
	})
}

// TestConfigDefaultsAndBadSettings checks the service's own settings.
func TestConfigDefaultsAndBadSettings(t *testing.T) {
	env := map[string]string{"MONGO_URI": "mongodb://x", "REDIS_URL": "redis://x", "ONWARD_SERVICE_SECRET": "0123456789abcdef0123456789abcdef"}
	cfg, err := LoadConfig(env)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.PlacementsStream != "onward.placements" || cfg.PlacementsURL != "http://localhost:8085" {
		t.Errorf("placements defaults = %q, %q", cfg.PlacementsStream, cfg.PlacementsURL)
	}
	if cfg.MatchingStream != "onward.matching" || len(cfg.MailRetryDelays) != 5 || cfg.SMTPURL != "" || cfg.mailDomain() != "onward.local" {
		t.Errorf("defaults = %+v", cfg)
	}
	for key, bad := range map[string]string{"MAIL_RETRY_DELAYS": "30s,soon", "SMTP_URL": "not a url", "PLACEMENTS_URL": "not a url"} {
		e := map[string]string{key: bad}
		for k, v := range env {
			e[k] = v
		}
		if _, err := LoadConfig(e); err == nil {
			t.Errorf("%s=%q accepted", key, bad)
		}
	}
}
