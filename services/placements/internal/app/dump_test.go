package app

import (
	"testing"

	"github.com/onward-jobs/onward/pkg/config"
)

// TestConfigDumpNamesOnlySettings keeps the injected clock, which is no
// setting, out of the configuration logged at start.
func TestConfigDumpNamesOnlySettings(t *testing.T) {
	cfg, err := LoadConfig(map[string]string{"MONGO_URI": "mongodb://x", "REDIS_URL": "redis://x", "ONWARD_SERVICE_SECRET": "0123456789abcdef0123456789abcdef"})
	if err != nil {
		t.Fatal(err)
	}
	m := config.Masked(cfg)
	if _, ok := m["-"]; ok || m["INTRODUCTION_TTL"] != "336h0m0s" {
		t.Errorf("dump = %v", m)
	}
}
