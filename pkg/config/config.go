// Package config loads a service's settings from environment variables into
// a struct, applies defaults, validates the result and renders a dump with
// secrets masked so every service can log what it started with.
//
// Fields are described with struct tags: `env:"NAME"` and `envDefault:"..."`
// (github.com/caarlos0/env), `validate:"..."` (github.com/go-playground/validator)
// and `secret:"true"` for values that must never be printed.
package config

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"time"

	"github.com/caarlos0/env/v11"
	"github.com/go-playground/validator/v10"
)

// Base holds the settings every Onward service that owns a database
// shares. Services embed it in their own Config struct.
type Base struct {
	Server
	MongoURI string `env:"MONGO_URI" validate:"required" secret:"true"`
	MongoDB  string `env:"MONGO_DB" validate:"required"`
}

// Server holds the settings of the HTTP server, the logs and Redis, which
// every service has, the web app (which owns no database) included.
type Server struct {
	HTTPAddr string `env:"HTTP_ADDR" validate:"required"`
	// MetricsAddr is the internal port of /metrics, never the public one
	// (HTTP_ADDR), which the gateway proxies to. Each container has its
	// own network, so one default serves every service; the local
	// launcher, running all in one process, gives each its own.
	MetricsAddr     string        `env:"METRICS_ADDR" envDefault:":9090" validate:"required"`
	RedisURL        string        `env:"REDIS_URL" validate:"required" secret:"true"`
	LogFormat       string        `env:"LOG_FORMAT" envDefault:"json" validate:"oneof=json text"`
	LogLevel        string        `env:"LOG_LEVEL" envDefault:"info" validate:"oneof=debug info warn error"`
	ShutdownTimeout time.Duration `env:"SHUTDOWN_TIMEOUT" envDefault:"15s" validate:"gt=0"`
	ReadTimeout     time.Duration `env:"HTTP_READ_TIMEOUT" envDefault:"10s" validate:"gt=0"`
	WriteTimeout    time.Duration `env:"HTTP_WRITE_TIMEOUT" envDefault:"30s" validate:"gt=0"`
	BodyLimit       int           `env:"HTTP_BODY_LIMIT" envDefault:"1048576" validate:"gt=0"`
	TrustedProxies  []string      `env:"TRUSTED_PROXIES" envSeparator:","`
}

// Load fills cfg, a pointer to a struct, from environ (the process
// environment when nil) and validates it. The error names every bad variable.
func Load(cfg any, environ map[string]string) error {
	if environ == nil {
		environ = Environ()
	}
	if err := env.ParseWithOptions(cfg, env.Options{Environment: environ}); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	if err := validator.New().Struct(cfg); err != nil {
		var fieldErrs validator.ValidationErrors
		if errors.As(err, &fieldErrs) {
			return fmt.Errorf("config: %s", describe(cfg, fieldErrs))
		}
		return fmt.Errorf("config: %w", err)
	}
	return nil
}

// Environ returns the process environment as a map.
func Environ() map[string]string {
	m := make(map[string]string)
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			m[k] = v
		}
	}
	return m
}

// describe turns validator errors into "VAR_NAME: rule" phrases using the
// env tag, which is the name an operator actually sets.
func describe(cfg any, fieldErrs validator.ValidationErrors) string {
	names := envNames(reflect.TypeOf(cfg))
	parts := make([]string, 0, len(fieldErrs))
	for _, fe := range fieldErrs {
		name := names[fe.StructField()]
		if name == "" {
			name = fe.StructField()
		}
		rule := fe.Tag()
		if fe.Param() != "" {
			rule += "=" + fe.Param()
		}
		parts = append(parts, fmt.Sprintf("%s fails %q", name, rule))
	}
	return strings.Join(parts, "; ")
}

// WithDefaults returns a copy of environ in which every key of defaults
// that environ lacks (or has empty) takes its default. Services use it for
// the settings whose default differs per service, such as HTTP_ADDR.
func WithDefaults(environ map[string]string, defaults map[string]string) map[string]string {
	out := make(map[string]string, len(environ)+len(defaults))
	for k, v := range defaults {
		out[k] = v
	}
	for k, v := range environ {
		if v != "" || out[k] == "" {
			out[k] = v
		}
	}
	return out
}
