package app

import (
	"context"
	"io"
	"maps"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/pkg/sealed"
	"github.com/onward-jobs/onward/pkg/servicekit"
	"github.com/onward-jobs/onward/pkg/servicekit/servicekittest"
)

// secrets are the candidates service's own required settings, added to
// the shared test environment.
var secrets = map[string]string{
	"CANDIDATES_IDENTITY_KEYS":      "k2:" + sealed.NewKey() + ",k1:" + sealed.NewKey(),
	"CANDIDATES_KEY_ENCRYPTION_KEY": sealed.NewKey(),
	"CANDIDATES_HMAC_KEY":           "test-hmac-key-0123456789abcdef0123456789",
}

func withSecrets(environ map[string]string) map[string]string {
	out := maps.Clone(environ)
	for k, v := range secrets {
		if _, set := out[k]; !set {
			out[k] = v
		}
	}
	return out
}

// TestServiceContract holds the candidates service to the contract every
// domain service shares: it starts against real stores, reports itself
// ready, shuts down gracefully, refuses bad settings and has its own
// defaults.
func TestServiceContract(t *testing.T) {
	t.Parallel()
	servicekittest.CheckContract(t, servicekittest.Contract{
		Run: func(ctx context.Context, environ map[string]string, logOut io.Writer) error {
			cfg, err := LoadConfig(withSecrets(environ))
			if err != nil {
				return err
			}
			return Run(ctx, cfg, logOut)
		},
		Load: func(environ map[string]string) (servicekit.Config, error) {
			cfg, err := LoadConfig(withSecrets(environ))
			return cfg.Config, err
		},
		HTTPAddr: ":8082", MongoDB: "onward_candidates",
	})
}

// TestKeysFromConfig checks that the first identity key seals, that a bad
// key is refused naming the variable and not the value, and that the two
// HMAC keys differ.
func TestKeysFromConfig(t *testing.T) {
	cfg, err := LoadConfig(withSecrets(map[string]string{
		"MONGO_URI": "mongodb://127.0.0.1:27017", "REDIS_URL": "redis://127.0.0.1:6379/0",
		"ONWARD_SERVICE_SECRET": "a-service-secret-of-at-least-32-characters",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.CurrentIdentityKey(); got != "k2" {
		t.Errorf("current identity key = %q, want the first, k2", got)
	}
	keys, err := loadKeys(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if keys.identity.Current() != "k2" {
		t.Errorf("keyring seals with %q", keys.identity.Current())
	}
	if keys.digest("c1") == keys.digest("c2") || len(keys.digest("c1")) != 64 {
		t.Error("tombstone digest is not a per-id keyed hash")
	}
	cfg.IdentityKeys = "k1:not-base64-secret-value"
	_, err = loadKeys(cfg)
	if err == nil {
		t.Fatal("a bad identity key was accepted")
	}
	if msg := err.Error(); !contains(msg, "CANDIDATES_IDENTITY_KEYS") || contains(msg, "not-base64-secret-value") {
		t.Errorf("error %q should name the variable and hide the value", msg)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
