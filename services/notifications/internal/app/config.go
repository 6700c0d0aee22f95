// Package app is the notifications service's composition root: it loads
// configuration, starts the shared platform and the token verifier, builds
// the store, the mailer, the clients of the owners and the gateway, mounts
// the routes and runs the workers (event consumer, delivery, digest) until
// shutdown.
package app

import (
	"net/mail"
	"strings"
	"time"

	"github.com/onward-jobs/onward/pkg/config"
	"github.com/onward-jobs/onward/pkg/servicekit"
)

// Config is the notifications service's configuration, read from the
// environment. The embedded servicekit.Config carries the shared settings;
// its ONWARD_PUBLIC_URL is also where mail links point.
type Config struct {
	servicekit.Config
	// MatchingStream is the matching service's stream of full-match events.
	MatchingStream string `env:"MATCHING_STREAM" envDefault:"onward.matching" validate:"required"`
	// CandidatesStream is the candidates service's stream; only erasures
	// matter here: they delete what the inbox holds about the candidate.
	CandidatesStream string `env:"CANDIDATES_STREAM" envDefault:"onward.candidates" validate:"required"`
	// PlacementsStream is the placements service's stream: introductions,
	// meetings, placements and follow-ups.
	PlacementsStream string `env:"PLACEMENTS_STREAM" envDefault:"onward.placements" validate:"required"`
	// EmployersURL, CandidatesURL and PlacementsURL reach the owners of
	// roles, candidates and introductions, to learn which organisations an
	// event concerns.
	EmployersURL  string `env:"EMPLOYERS_URL" envDefault:"http://localhost:8081" validate:"required,url"`
	CandidatesURL string `env:"CANDIDATES_URL" envDefault:"http://localhost:8082" validate:"required,url"`
	PlacementsURL string `env:"PLACEMENTS_URL" envDefault:"http://localhost:8085" validate:"required,url"`
	// OwnerTimeout bounds one call to an owner or to the gateway.
	OwnerTimeout time.Duration `env:"OWNER_TIMEOUT" envDefault:"10s" validate:"gt=0"`
	// SMTPURL is smtp://, smtp+starttls://, smtps:// or smtp+plain://
	// [user:pass@]host:port; empty means inbox only.
	SMTPURL string `env:"SMTP_URL" secret:"true" validate:"omitempty,url"`
	// MailFrom is the sender of every mail.
	MailFrom string `env:"MAIL_FROM" envDefault:"Onward <no-reply@onward.local>" validate:"required"`
	// SMTPTimeout bounds one SMTP conversation.
	SMTPTimeout time.Duration `env:"SMTP_TIMEOUT" envDefault:"30s" validate:"gt=0"`
	// MailRetryDelays are the waits before each retry of a failed mail;
	// after the last the delivery is failed.
	MailRetryDelays []time.Duration `env:"MAIL_RETRY_DELAYS" envDefault:"30s,2m,10m,30m,2h" envSeparator:"," validate:"min=1,dive,gt=0"`
	// DeliveryInterval is how often due deliveries are looked for, and
	// DeliveryLease how long a worker holds one it is sending.
	DeliveryInterval time.Duration `env:"DELIVERY_INTERVAL" envDefault:"2s" validate:"gt=0"`
	DeliveryLease    time.Duration `env:"DELIVERY_LEASE" envDefault:"2m" validate:"gt=0"`
	// DigestInterval is how often due daily digests are looked for.
	DigestInterval time.Duration `env:"DIGEST_INTERVAL" envDefault:"1m" validate:"gt=0"`
}

// defaults are the notifications service's own values for the shared
// settings.
var defaults = map[string]string{"HTTP_ADDR": ":8084", "MONGO_DB": "onward_notifications"}

// LoadConfig reads and validates the configuration from environ.
func LoadConfig(environ map[string]string) (Config, error) {
	var cfg Config
	err := config.Load(&cfg, config.WithDefaults(environ, defaults))
	return cfg, err
}

// mailDomain is the domain of MAIL_FROM, which ends every Message-ID.
func (c Config) mailDomain() string {
	a, err := mail.ParseAddress(c.MailFrom)
	if err != nil {
		return "onward.local"
	}
	if i := strings.LastIndex(a.Address, "@"); i >= 0 {
		return a.Address[i+1:]
	}
	return "onward.local"
}
