// Package app is the candidates service's composition root: it loads
// configuration, starts the shared platform and the token verifier, builds
// the store with its keys, mounts the routes and runs the outbox relay,
// and shuts everything down gracefully.
package app

import (
	"strings"
	"time"

	"github.com/onward-jobs/onward/pkg/config"
	"github.com/onward-jobs/onward/pkg/servicekit"
)

// Config is the candidates service's configuration, read from the
// environment. The embedded servicekit.Config carries the shared settings
// (stores, logging, timeouts) and those for trusting the gateway's tokens.
type Config struct {
	servicekit.Config
	// IdentityKeys are the AES-256 keys that seal candidates' identity
	// fields, as "id:base64key" pairs separated by commas. The first seals
	// new writes; the others only open records not yet rewritten, so a key
	// rotates by putting a new one first and dropping the old one once no
	// record names it.
	IdentityKeys string `env:"CANDIDATES_IDENTITY_KEYS" validate:"required" secret:"true"`
	// KeyEncryptionKey seals each organisation's attestation signing key.
	KeyEncryptionKey string `env:"CANDIDATES_KEY_ENCRYPTION_KEY" validate:"required" secret:"true"`
	// HMACKey keys the blind index that lets staff search encrypted names
	// and the digest that tombstones keep instead of an erased id.
	HMACKey string `env:"CANDIDATES_HMAC_KEY" validate:"required,min=32" secret:"true"`
	// Stream is the Redis stream the service's events go to.
	Stream string `env:"CANDIDATES_STREAM" envDefault:"onward.candidates" validate:"required"`
	// RelayInterval is how often events left unpublished are published (and
	// interrupted erasures finished), and RelayGrace how old such an event
	// must be, so the relay does not race the request publishing it.
	RelayInterval time.Duration `env:"OUTBOX_RELAY_INTERVAL" envDefault:"5s" validate:"gt=0"`
	RelayGrace    time.Duration `env:"OUTBOX_RELAY_GRACE" envDefault:"10s" validate:"gte=0"`
	// LockTTL bounds how long a crashed writer blocks a document; LockWait
	// is how long a write waits for a document another write holds.
	LockTTL  time.Duration `env:"WRITE_LOCK_TTL" envDefault:"10s" validate:"gt=0"`
	LockWait time.Duration `env:"WRITE_LOCK_WAIT" envDefault:"2s" validate:"gte=0"`
	// PlacementsURL is where the placements service answers, for the
	// placements record of a candidate's export; empty, exports say that
	// record is not available. PlacementsTimeout bounds one call.
	PlacementsURL     string        `env:"PLACEMENTS_URL" validate:"omitempty,url"`
	PlacementsTimeout time.Duration `env:"PLACEMENTS_TIMEOUT" envDefault:"10s" validate:"gt=0"`
	// StreamMaxLen caps the stream at about this many entries.
	StreamMaxLen int64 `env:"EVENTS_STREAM_MAXLEN" envDefault:"100000" validate:"gte=0"`

	// Clock tells the service's time: every time it stores (registration,
	// consent, audit entries, events) comes from it. Nil is the wall
	// clock. It is not read from the environment: tests and the in-process
	// launcher set it, to register candidates in the past.
	Clock func() time.Time
}

// CurrentIdentityKey returns the id of the key that seals new writes: the
// first in IdentityKeys.
func (c Config) CurrentIdentityKey() string {
	first, _, _ := strings.Cut(c.IdentityKeys, ",")
	id, _, _ := strings.Cut(strings.TrimSpace(first), ":")
	return id
}

// defaults are the candidates service's own values for the shared settings.
var defaults = map[string]string{"HTTP_ADDR": ":8082", "MONGO_DB": "onward_candidates"}

// LoadConfig reads and validates the configuration from environ.
func LoadConfig(environ map[string]string) (Config, error) {
	var cfg Config
	err := config.Load(&cfg, config.WithDefaults(environ, defaults))
	return cfg, err
}
