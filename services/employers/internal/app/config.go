// Package app is the employers service's composition root: it loads
// configuration, starts the shared platform and the token verifier, mounts
// the service's routes and shuts everything down gracefully.
package app

import (
	"time"

	"github.com/onward-jobs/onward/pkg/config"
	"github.com/onward-jobs/onward/pkg/servicekit"
)

// Config is the employers service's configuration, read from the environment.
// The embedded servicekit.Config carries the shared settings (stores,
// logging, timeouts) and those for trusting the gateway's tokens.
type Config struct {
	servicekit.Config
	// RolesStream and ProfilesStream are the Redis streams role.changed and
	// employer.updated events go to.
	RolesStream    string `env:"EMPLOYERS_ROLES_STREAM" envDefault:"onward.employers.roles" validate:"required"`
	ProfilesStream string `env:"EMPLOYERS_PROFILES_STREAM" envDefault:"onward.employers.profiles" validate:"required"`
	// CloseInterval is how often roles past their closing date are closed.
	CloseInterval time.Duration `env:"ROLE_CLOSE_INTERVAL" envDefault:"1m" validate:"gt=0"`
	// RelayInterval is how often events left unpublished are published, and
	// RelayGrace how old such an event must be, so the relay does not race
	// the request that is publishing it right now.
	RelayInterval time.Duration `env:"OUTBOX_RELAY_INTERVAL" envDefault:"5s" validate:"gt=0"`
	RelayGrace    time.Duration `env:"OUTBOX_RELAY_GRACE" envDefault:"10s" validate:"gte=0"`
	// LockTTL bounds how long a crashed writer blocks a document; LockWait
	// is how long a write waits for a document another write holds.
	LockTTL  time.Duration `env:"WRITE_LOCK_TTL" envDefault:"10s" validate:"gt=0"`
	LockWait time.Duration `env:"WRITE_LOCK_WAIT" envDefault:"2s" validate:"gte=0"`
	// RoleCapPerArea is how many open roles of one occupation an employer
	// may hold within RoleCapRadiusKm of a site (see domain.RoleCap).
	RoleCapPerArea  int     `env:"ROLE_CAP_PER_AREA" envDefault:"3" validate:"gte=1,lte=1000"`
	RoleCapRadiusKm float64 `env:"ROLE_CAP_RADIUS_KM" envDefault:"30" validate:"gt=0,lte=1000"`
	// GatewayStream is the gateway's stream, where organisation.status_changed
	// arrives; GatewayTimeout bounds a call to the gateway's internal API
	// for an organisation's status.
	GatewayStream  string        `env:"GATEWAY_STREAM" envDefault:"onward.gateway" validate:"required"`
	GatewayTimeout time.Duration `env:"GATEWAY_TIMEOUT" envDefault:"5s" validate:"gt=0"`
	// StreamMaxLen caps each stream at about this many entries.
	StreamMaxLen int64 `env:"EVENTS_STREAM_MAXLEN" envDefault:"100000" validate:"gte=0"`
}

// defaults are the employers service's own values for the shared settings.
var defaults = map[string]string{"HTTP_ADDR": ":8081", "MONGO_DB": "onward_employers"}

// LoadConfig reads and validates the configuration from environ.
func LoadConfig(environ map[string]string) (Config, error) {
	var cfg Config
	err := config.Load(&cfg, config.WithDefaults(environ, defaults))
	return cfg, err
}
