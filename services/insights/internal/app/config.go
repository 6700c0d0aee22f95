// Package app is the insights service's composition root: it loads the
// configuration, starts the shared platform and the token verifier,
// builds the store, the owners' client and the absorber, mounts the
// routes and runs the workers (a consumer per stream, the rebuild and
// the daily pass) until shutdown.
package app

import (
	"time"

	"github.com/onward-jobs/onward/pkg/config"
	"github.com/onward-jobs/onward/pkg/servicekit"
)

// Config is the insights service's configuration, read from the
// environment. The embedded servicekit.Config carries the shared
// settings, the gateway's URL among them.
type Config struct {
	servicekit.Config
	// CandidatesURL, MatchingURL, PlacementsURL and EmployersURL reach the
	// services that own the facts counted.
	CandidatesURL string `env:"CANDIDATES_URL" envDefault:"http://localhost:8082" validate:"required,url"`
	MatchingURL   string `env:"MATCHING_URL" envDefault:"http://localhost:8083" validate:"required,url"`
	PlacementsURL string `env:"PLACEMENTS_URL" envDefault:"http://localhost:8085" validate:"required,url"`
	EmployersURL  string `env:"EMPLOYERS_URL" envDefault:"http://localhost:8081" validate:"required,url"`
	// The streams read, each in the consumer group "insights".
	CandidatesStream string `env:"CANDIDATES_STREAM" envDefault:"onward.candidates" validate:"required"`
	MatchingStream   string `env:"MATCHING_STREAM" envDefault:"onward.matching" validate:"required"`
	PlacementsStream string `env:"PLACEMENTS_STREAM" envDefault:"onward.placements" validate:"required"`
	GatewayStream    string `env:"GATEWAY_STREAM" envDefault:"onward.gateway" validate:"required"`
	RolesStream      string `env:"EMPLOYERS_ROLES_STREAM" envDefault:"onward.employers.roles" validate:"required"`
	// EventsBatch is the most events read from a stream at once.
	EventsBatch int64 `env:"EVENTS_BATCH" envDefault:"500" validate:"gte=1,lte=10000"`
	// CommitChunk is the most candidates one commit stores;
	// OwnerConcurrency how many calls to the owners run at once.
	CommitChunk      int `env:"COMMIT_CHUNK" envDefault:"200" validate:"gte=1,lte=5000"`
	OwnerConcurrency int `env:"OWNER_CONCURRENCY" envDefault:"8" validate:"gte=1,lte=64"`
	// PassInterval is how often the daily pass looks for days that came:
	// a day's refolds happen within this of midnight UTC.
	PassInterval time.Duration `env:"DAILY_PASS_INTERVAL" envDefault:"1h" validate:"gt=0"`
	// PeerTimeout bounds one call to an owner.
	// ReportMaxAge is how long a built report is served again, so the
	// reports of a period read within it agree with each other; 0 keeps
	// none.
	ReportMaxAge time.Duration `env:"REPORT_MAX_AGE" envDefault:"1m" validate:"gte=0"`
	PeerTimeout  time.Duration `env:"PEER_TIMEOUT" envDefault:"10s" validate:"gt=0"`
	// LockTTL bounds how long a crashed absorber blocks the others;
	// LockWait is how long an absorber waits for another's batch.
	LockTTL  time.Duration `env:"WRITE_LOCK_TTL" envDefault:"2m" validate:"gt=0"`
	LockWait time.Duration `env:"WRITE_LOCK_WAIT" envDefault:"20s" validate:"gte=0"`

	// Clock tells the time contributions are read at; nil is the wall
	// clock. It is not read from the environment: tests and the
	// in-process launcher set it to move time (days 30, 90 and 180).
	Clock func() time.Time
}

// defaults are the insights service's own values for the shared
// settings.
var defaults = map[string]string{"HTTP_ADDR": ":8086", "MONGO_DB": "onward_insights"}

// LoadConfig reads and validates the configuration from environ.
func LoadConfig(environ map[string]string) (Config, error) {
	var cfg Config
	err := config.Load(&cfg, config.WithDefaults(environ, defaults))
	return cfg, err
}

// streams are the streams the service reads.
func (c Config) streams() []string {
	return []string{c.CandidatesStream, c.MatchingStream, c.PlacementsStream, c.GatewayStream, c.RolesStream}
}
