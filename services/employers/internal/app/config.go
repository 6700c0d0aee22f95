// Package app is the employers service's composition root: it loads
// configuration, starts the shared platform and the token verifier, mounts
// the service's routes and shuts everything down gracefully.
package app

import (
	"github.com/onward-jobs/onward/pkg/config"
	"github.com/onward-jobs/onward/pkg/servicekit"
)

// Config is the employers service's configuration, read from the environment.
// The embedded servicekit.Config carries the shared settings (stores,
// logging, timeouts) and those for trusting the gateway's tokens.
type Config struct {
	servicekit.Config
}

// defaults are the employers service's own values for the shared settings.
var defaults = map[string]string{"HTTP_ADDR": ":8081", "MONGO_DB": "onward_employers"}

// LoadConfig reads and validates the configuration from environ.
func LoadConfig(environ map[string]string) (Config, error) {
	var cfg Config
	err := config.Load(&cfg, config.WithDefaults(environ, defaults))
	return cfg, err
}
