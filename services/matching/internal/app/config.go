// Package app is the matching service's composition root: it loads
// configuration, starts the shared platform and the token verifier, builds
// the index and the feed that keeps it in step with the owners, mounts the
// service's routes and shuts everything down gracefully.
package app

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"regexp"
	"time"

	"github.com/onward-jobs/onward/pkg/config"
	"github.com/onward-jobs/onward/pkg/servicekit"
)

// Config is the matching service's configuration, read from the environment.
// The embedded servicekit.Config carries the shared settings (stores,
// logging, timeouts) and those for trusting the gateway's tokens.
type Config struct {
	servicekit.Config
	// EmployersURL and CandidatesURL are where matching reaches the owners'
	// internal APIs.
	EmployersURL  string `env:"EMPLOYERS_URL" envDefault:"http://localhost:8081" validate:"required,url"`
	CandidatesURL string `env:"CANDIDATES_URL" envDefault:"http://localhost:8082" validate:"required,url"`
	// CandidatesStream and RolesStream are the owners' event streams.
	CandidatesStream string `env:"CANDIDATES_STREAM" envDefault:"onward.candidates" validate:"required"`
	RolesStream      string `env:"EMPLOYERS_ROLES_STREAM" envDefault:"onward.employers.roles" validate:"required"`
	// MatchingStream is where matching announces that a stored list
	// gained full matches (matches.role_full_added,
	// matches.candidate_full_added); StreamMaxLen caps it.
	MatchingStream string `env:"MATCHING_STREAM" envDefault:"onward.matching" validate:"required"`
	StreamMaxLen   int64  `env:"EVENTS_STREAM_MAXLEN" envDefault:"100000" validate:"gte=0"`
	// InstanceID names this instance; its own consumer groups are
	// "matching-index-<id>". Defaults to the host name and a random suffix,
	// so a restarted instance starts a fresh group after loading afresh.
	InstanceID string `env:"MATCHING_INSTANCE_ID"`
	// ReconcileInterval is how often the index is compared with the owners.
	ReconcileInterval time.Duration `env:"RECONCILE_INTERVAL" envDefault:"30s" validate:"gt=0"`
	// OwnerTimeout bounds one call to an owner.
	OwnerTimeout time.Duration `env:"OWNER_TIMEOUT" envDefault:"10s" validate:"gt=0"`
	// RefKey keys the per-role candidate references employers see; empty
	// derives one from ONWARD_SERVICE_SECRET. Changing it changes every
	// reference.
	RefKey string `env:"MATCHING_REF_KEY" secret:"true"`
	// CutoffTTL is how long this instance trusts what it remembers of a
	// stored list (a shortlist's cut-off, a suggestion list's contents)
	// before reading it again, because another instance may have
	// rewritten it; 0 trusts it for ever, right only for one instance.
	CutoffTTL time.Duration `env:"MATCHING_CUTOFF_TTL" envDefault:"5s" validate:"gte=0"`
	// MembershipRefresh is how often this instance reloads which stored
	// lists hold which candidates and roles (kept in memory, updated on
	// its own writes), to see what other instances wrote.
	MembershipRefresh time.Duration `env:"MATCHING_MEMBERSHIP_REFRESH" envDefault:"1m" validate:"gt=0"`
	// ShortlistCache is how many stored shortlists this instance keeps
	// decoded in memory for the API (results.ShortlistReader; about 150 KB
	// each); 0 reads the store on every request.
	ShortlistCache int `env:"MATCHING_SHORTLIST_CACHE" envDefault:"256" validate:"gte=0"`
	// ShortlistPageCache is how many answered shortlist pages this
	// instance keeps as JSON (one per list write, language, filter and
	// cursor; about 36 KB each for 20 cards); 0 encodes every answer.
	ShortlistPageCache int `env:"MATCHING_SHORTLIST_PAGE_CACHE" envDefault:"512" validate:"gte=0"`
	// Clock tells the service's time: the day scores are counted from,
	// the stored lists' computed_at and the first shortlistings' first_at;
	// nil is the wall clock. It is not read from the environment: an
	// in-process platform test sets it (matching.RunWithClock).
	Clock func() time.Time
}

// defaults are the matching service's own values for the shared settings.
var defaults = map[string]string{"HTTP_ADDR": ":8083", "MONGO_DB": "onward_matching"}

// instanceIDPattern keeps an instance id usable in a Redis group name and
// in logs.
var instanceIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,100}$`)

// LoadConfig reads and validates the configuration from environ.
func LoadConfig(environ map[string]string) (Config, error) {
	var cfg Config
	if err := config.Load(&cfg, config.WithDefaults(environ, defaults)); err != nil {
		return cfg, err
	}
	if cfg.InstanceID == "" {
		cfg.InstanceID = defaultInstanceID()
	}
	if !instanceIDPattern.MatchString(cfg.InstanceID) {
		return cfg, fmt.Errorf("MATCHING_INSTANCE_ID must be 1 to 100 letters, digits, dots, dashes or underscores")
	}
	return cfg, nil
}

// defaultInstanceID is the host name (unique per pod) with a random
// suffix (unique per start, and per service when the local launcher runs
// several in one process).
func defaultInstanceID() string {
	host, err := os.Hostname()
	if err != nil || !instanceIDPattern.MatchString(host) || len(host) > 80 {
		host = "matching"
	}
	suffix := make([]byte, 4)
	_, _ = rand.Read(suffix)
	return host + "-" + hex.EncodeToString(suffix)
}
