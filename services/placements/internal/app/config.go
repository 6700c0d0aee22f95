// Package app is the placements service's composition root: it loads
// configuration, starts the shared platform and the token verifier, builds
// the store, the clients of the other services and the event publisher,
// mounts the routes and runs the workers (the sweeper, the outbox relay
// and the consumers of erasures and suspensions) until shutdown.
package app

import (
	"errors"
	"time"

	"github.com/onward-jobs/onward/pkg/config"
	"github.com/onward-jobs/onward/pkg/servicekit"
)

// Config is the placements service's configuration, read from the
// environment. The embedded servicekit.Config carries the shared settings.
type Config struct {
	servicekit.Config
	// Stream is where the service's events go.
	Stream string `env:"PLACEMENTS_STREAM" envDefault:"onward.placements" validate:"required"`
	// CandidatesStream carries candidate.erased; GatewayStream carries
	// organisation.status_changed.
	CandidatesStream string `env:"CANDIDATES_STREAM" envDefault:"onward.candidates" validate:"required"`
	GatewayStream    string `env:"GATEWAY_STREAM" envDefault:"onward.gateway" validate:"required"`
	// EmployersURL, CandidatesURL and MatchingURL reach the services that
	// own roles, candidates and shortlists.
	EmployersURL  string `env:"EMPLOYERS_URL" envDefault:"http://localhost:8081" validate:"required,url"`
	CandidatesURL string `env:"CANDIDATES_URL" envDefault:"http://localhost:8082" validate:"required,url"`
	MatchingURL   string `env:"MATCHING_URL" envDefault:"http://localhost:8083" validate:"required,url"`
	// PeerTimeout bounds one call to another service.
	PeerTimeout time.Duration `env:"PEER_TIMEOUT" envDefault:"10s" validate:"gt=0"`
	// IntroductionTTL is how long a request waits for an answer before it
	// expires; IntroductionReminder when staff are reminded of it.
	IntroductionTTL      time.Duration `env:"INTRODUCTION_TTL" envDefault:"336h" validate:"gt=0"`
	IntroductionReminder time.Duration `env:"INTRODUCTION_REMINDER" envDefault:"240h" validate:"gt=0"`
	// MaxOpenPerRole caps the requests of one role waiting for an answer.
	MaxOpenPerRole int `env:"MAX_OPEN_INTRODUCTIONS_PER_ROLE" envDefault:"10" validate:"gte=1,lte=1000"`
	// SweepInterval is how often expiries, reminders, due follow-ups and
	// pending placement steps are looked for.
	SweepInterval time.Duration `env:"SWEEP_INTERVAL" envDefault:"1m" validate:"gt=0"`
	// RelayInterval is how often events left unpublished are published, and
	// RelayGrace how old such an event must be.
	RelayInterval time.Duration `env:"OUTBOX_RELAY_INTERVAL" envDefault:"5s" validate:"gt=0"`
	RelayGrace    time.Duration `env:"OUTBOX_RELAY_GRACE" envDefault:"10s" validate:"gte=0"`
	// LockTTL bounds how long a crashed writer blocks a document; LockWait
	// is how long a write waits for a document another write holds.
	LockTTL  time.Duration `env:"WRITE_LOCK_TTL" envDefault:"10s" validate:"gt=0"`
	LockWait time.Duration `env:"WRITE_LOCK_WAIT" envDefault:"2s" validate:"gte=0"`
	// StreamMaxLen caps the stream at about this many entries.
	StreamMaxLen int64 `env:"EVENTS_STREAM_MAXLEN" envDefault:"100000" validate:"gte=0"`

	// Clock tells the service's time; nil is the wall clock. It is not
	// read from the environment: tests and the in-process launcher set it
	// to move time (expiry, follow-ups).
	Clock func() time.Time
}

// defaults are the placements service's own values for the shared
// settings.
var defaults = map[string]string{"HTTP_ADDR": ":8085", "MONGO_DB": "onward_placements"}

// LoadConfig reads and validates the configuration from environ.
func LoadConfig(environ map[string]string) (Config, error) {
	var cfg Config
	if err := config.Load(&cfg, config.WithDefaults(environ, defaults)); err != nil {
		return cfg, err
	}
	if cfg.IntroductionReminder >= cfg.IntroductionTTL {
		return cfg, errors.New("config: INTRODUCTION_REMINDER must come before INTRODUCTION_TTL")
	}
	return cfg, nil
}
