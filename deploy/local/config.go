package launcher

import (
	"fmt"
	"net"
	"path/filepath"
	"time"

	"github.com/onward-jobs/onward/pkg/config"
)

// Config is what the launcher itself reads from the environment. Everything
// else in the environment is passed on to the services untouched, so any
// service setting (LOG_LEVEL, ACCESS_TOKEN_TTL, ...) can be set as usual.
type Config struct {
	// DataDir holds the embedded FerretDB's SQLite files and secrets.env.
	DataDir string `env:"ONWARD_DATA_DIR" envDefault:"./data" validate:"required"`
	// MongoURI, when set, replaces the embedded FerretDB.
	MongoURI string `env:"MONGO_URI" secret:"true"`
	// RedisURL, when set, replaces the embedded miniredis.
	RedisURL string `env:"REDIS_URL" secret:"true"`
	// FerretDBAddr is where the embedded FerretDB listens; port 0 picks a
	// free port, so a MongoDB already on 27017 does not get in the way.
	FerretDBAddr string `env:"ONWARD_FERRETDB_ADDR" envDefault:"127.0.0.1:0" validate:"required"`
	// The services listen on the loopback interface by default: a
	// development platform has no business being reachable from the network.
	// The web app answers on :8080, the address people open; the gateway's
	// API has a port of its own.
	WebAddr        string `env:"ONWARD_WEB_ADDR" envDefault:"127.0.0.1:8080" validate:"required"`
	GatewayAddr    string `env:"ONWARD_GATEWAY_ADDR" envDefault:"127.0.0.1:8090" validate:"required"`
	EmployersAddr  string `env:"ONWARD_EMPLOYERS_ADDR" envDefault:"127.0.0.1:8081" validate:"required"`
	CandidatesAddr string `env:"ONWARD_CANDIDATES_ADDR" envDefault:"127.0.0.1:8082" validate:"required"`
	MatchingAddr   string `env:"ONWARD_MATCHING_ADDR" envDefault:"127.0.0.1:8083" validate:"required"`
	// NotificationsAddr is where the notifications service listens.
	NotificationsAddr string `env:"ONWARD_NOTIFICATIONS_ADDR" envDefault:"127.0.0.1:8084" validate:"required"`
	// PlacementsAddr is where the placements service listens.
	PlacementsAddr string `env:"ONWARD_PLACEMENTS_ADDR" envDefault:"127.0.0.1:8085" validate:"required"`
	// InsightsAddr is where the insights service listens.
	InsightsAddr string `env:"ONWARD_INSIGHTS_ADDR" envDefault:"127.0.0.1:8086" validate:"required"`
	// Instances is how many instances of every service run (see
	// withInstances): 1 for development; a platform test runs 2 to check
	// that the services share the stores without applying anything twice.
	Instances int `env:"ONWARD_INSTANCES" envDefault:"1" validate:"gte=1,lte=4"`
	// SMTPURL, when set, is the mail server the services send through, and
	// no mail catcher is started.
	SMTPURL string `env:"SMTP_URL" secret:"true"`
	// Without SMTP_URL, Mailpit catches every mail on MailSMTPAddr and the
	// launcher's viewer shows them at MailAddr. MailpitBin is the mailpit
	// executable; empty means bin/mailpit (where `make run` installs it).
	MailSMTPAddr string `env:"ONWARD_MAIL_SMTP_ADDR" envDefault:"127.0.0.1:1025" validate:"required"`
	MailAddr     string `env:"ONWARD_MAIL_ADDR" envDefault:"127.0.0.1:8025" validate:"required"`
	MailpitBin   string `env:"MAILPIT_BIN"`
	// MailKeep is how many mails the catcher keeps, the oldest pruned
	// first: enough to read back a day of local work, few enough to stay
	// small. A test run that reads mails back after many others raises it.
	MailKeep int `env:"ONWARD_MAIL_KEEP" envDefault:"500" validate:"gte=0"`
	// PublicURL is the address people use and the issuer of every token.
	// Empty means http://localhost:<web port>.
	PublicURL string `env:"ONWARD_PUBLIC_URL" validate:"omitempty,url"`
	// AdminEmail is passed to the gateway, which creates the first
	// administrator with it on an empty database; the banner shows it.
	AdminEmail   string        `env:"ONWARD_ADMIN_EMAIL" envDefault:"admin@onward.local" validate:"required,email"`
	LogFormat    string        `env:"LOG_FORMAT" envDefault:"text" validate:"oneof=json text"`
	StartTimeout time.Duration `env:"ONWARD_START_TIMEOUT" envDefault:"60s" validate:"gt=0"`
	StopTimeout  time.Duration `env:"ONWARD_STOP_TIMEOUT" envDefault:"30s" validate:"gt=0"`
}

// LoadConfig reads and validates the launcher's settings from environ and
// makes DataDir absolute, so the banner and FerretDB name the same place
// whatever the working directory.
func LoadConfig(environ map[string]string) (Config, error) {
	var cfg Config
	if err := config.Load(&cfg, environ); err != nil {
		return Config{}, err
	}
	for _, addr := range []string{cfg.FerretDBAddr, cfg.WebAddr, cfg.GatewayAddr, cfg.EmployersAddr, cfg.CandidatesAddr, cfg.MatchingAddr, cfg.NotificationsAddr, cfg.PlacementsAddr, cfg.InsightsAddr, cfg.MailSMTPAddr, cfg.MailAddr} {
		if _, _, err := net.SplitHostPort(addr); err != nil {
			return Config{}, fmt.Errorf("config: listen address %q: %w", addr, err)
		}
	}
	dir, err := filepath.Abs(cfg.DataDir)
	if err != nil {
		return Config{}, fmt.Errorf("config: ONWARD_DATA_DIR: %w", err)
	}
	cfg.DataDir = dir
	if cfg.PublicURL == "" {
		_, port, _ := net.SplitHostPort(cfg.WebAddr)
		cfg.PublicURL = "http://localhost:" + port
	}
	return cfg, nil
}

// localURL turns a listen address into a URL this process can reach it at:
// a wildcard or empty host becomes the loopback address.
func localURL(addr string) string {
	host, port, _ := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port)
}
