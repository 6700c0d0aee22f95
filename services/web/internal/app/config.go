// Package app is the web app's composition root: it loads configuration,
// connects to Redis for the sessions, mounts the pages and shuts down
// gracefully.
package app

import (
	"fmt"

	"github.com/onward-jobs/onward/pkg/config"
	"github.com/onward-jobs/onward/pkg/httpx"
)

// Config is the web app's configuration, read from the environment.
type Config struct {
	config.Server
	// PublicURL is the address users open; invitation links start with it.
	PublicURL string `env:"ONWARD_PUBLIC_URL" envDefault:"http://localhost:8080" validate:"required,url"`
	// APIURL is the gateway's address, whose public /api/v1 every page
	// calls with the signed-in user's own token, or a comma-separated list
	// of every gateway's, which the calls take turns over.
	APIURL string `env:"GATEWAY_URL" envDefault:"http://localhost:8090" validate:"required"`
	// CSRFKey keys the HMAC that binds a signed-in form's CSRF token to its
	// session. Required: make run and the tests generate one per process;
	// in production set a random value of at least 32 characters, the same
	// on every replica (changing it only makes open forms ask to be sent
	// again).
	CSRFKey string `env:"WEB_CSRF_KEY" validate:"required,min=32" secret:"true"`
	// SessionPrefix names the web app's keys in Redis.
	SessionPrefix string `env:"WEB_SESSION_PREFIX" envDefault:"onward:web:" validate:"required"`
}

// defaults are the web app's own values for the shared settings.
var defaults = map[string]string{"HTTP_ADDR": ":8080"}

// LoadConfig reads and validates the configuration from environ.
func LoadConfig(environ map[string]string) (Config, error) {
	var cfg Config
	if err := config.Load(&cfg, config.WithDefaults(environ, defaults)); err != nil {
		return cfg, err
	}
	if bases, err := httpx.ParseBaseURLs(cfg.APIURL); err != nil || len(bases) == 0 {
		return cfg, fmt.Errorf("config: GATEWAY_URL must be one or more http(s) base URLs, comma-separated: %v", err)
	}
	return cfg, nil
}
