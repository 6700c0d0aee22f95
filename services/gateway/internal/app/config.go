// Package app is the gateway's composition root: it loads configuration,
// builds storage, use cases and the API, starts them and shuts
// them down gracefully.
package app

import (
	"fmt"
	"net/netip"
	"strings"
	"time"

	"github.com/onward-jobs/onward/pkg/config"
	"github.com/onward-jobs/onward/pkg/httpx"
)

// Config is the gateway's configuration, read from the environment.
type Config struct {
	config.Base
	PublicURL        string `env:"ONWARD_PUBLIC_URL" envDefault:"http://localhost:8080" validate:"required,url"`
	APIAudience      string `env:"ONWARD_API_AUDIENCE" envDefault:"onward-api" validate:"required"`
	AdminEmail       string `env:"ONWARD_ADMIN_EMAIL" envDefault:"admin@onward.local" validate:"required,email"`
	AdminPassword    string `env:"ONWARD_ADMIN_PASSWORD" secret:"true"`
	ServiceSecret    string `env:"ONWARD_SERVICE_SECRET" validate:"required,min=32" secret:"true"`
	KeyEncryptionKey string `env:"ONWARD_KEY_ENCRYPTION_KEY" validate:"required" secret:"true"`
	// The services' addresses are each one base URL or a comma-separated
	// list of every instance's (see upstreamURLs); the proxy takes turns
	// over a list, the gateway's own calls go to the first.
	EmployersURL  string `env:"EMPLOYERS_URL" envDefault:"http://localhost:8081" validate:"required"`
	CandidatesURL string `env:"CANDIDATES_URL" envDefault:"http://localhost:8082" validate:"required"`
	MatchingURL   string `env:"MATCHING_URL" envDefault:"http://localhost:8083" validate:"required"`
	// NotificationsURL is the notifications service, optional: without it
	// /api/v1/notifications answers 503 and account mails (invitations,
	// password resets) are not sent, each logged as a warning by id.
	NotificationsURL string `env:"NOTIFICATIONS_URL"`
	// PlacementsURL is the placements service, optional like
	// notifications: without it its routes answer 503.
	PlacementsURL string `env:"PLACEMENTS_URL"`
	// InsightsURL is the insights service (outcome reports), optional
	// like placements: without it its routes answer 503.
	InsightsURL string `env:"INSIGHTS_URL"`
	// OrgStatusCache is how long the proxy's gate trusts an organisation's
	// status it read, at most 30 s: a suspension takes effect within it.
	OrgStatusCache time.Duration `env:"ORG_STATUS_CACHE" envDefault:"10s" validate:"gte=0,lte=30s"`
	// GatewayStream is the stream of the gateway's events
	// (organisation.status_changed).
	GatewayStream string `env:"GATEWAY_STREAM" envDefault:"onward.gateway" validate:"required"`
	// CandidatesStream is the candidates service's stream; the gateway
	// reads its candidate.erased events, in the group "gateway", to remove
	// the erased candidate's own account.
	CandidatesStream string `env:"CANDIDATES_STREAM" envDefault:"onward.candidates" validate:"required"`
	// CandidateJoinIPLimit bounds the look-ups and acceptances of
	// candidate invitations per client address per CandidateJoinWindow.
	CandidateJoinIPLimit int           `env:"CANDIDATE_JOIN_IP_LIMIT" envDefault:"30" validate:"gt=0"`
	CandidateJoinWindow  time.Duration `env:"CANDIDATE_JOIN_WINDOW" envDefault:"15m" validate:"gt=0"`
	// RelayInterval is how often status events left unpublished are
	// published, and RelayGrace how old such an event must be.
	RelayInterval     time.Duration `env:"OUTBOX_RELAY_INTERVAL" envDefault:"5s" validate:"gt=0"`
	RelayGrace        time.Duration `env:"OUTBOX_RELAY_GRACE" envDefault:"10s" validate:"gte=0"`
	StreamMaxLen      int64         `env:"EVENTS_STREAM_MAXLEN" envDefault:"100000" validate:"gte=0"`
	AccessTTL         time.Duration `env:"ACCESS_TOKEN_TTL" envDefault:"15m" validate:"gt=0"`
	ServiceTokenTTL   time.Duration `env:"SERVICE_TOKEN_TTL" envDefault:"5m" validate:"gt=0,lte=5m"`
	LoginAccountLimit int           `env:"LOGIN_ACCOUNT_LIMIT" envDefault:"5" validate:"gt=0"`
	LoginDelay        time.Duration `env:"LOGIN_DELAY" envDefault:"1s" validate:"gt=0"`
	LoginDelayMax     time.Duration `env:"LOGIN_DELAY_MAX" envDefault:"15m" validate:"gtefield=LoginDelay"`
	LoginIPLimit      int           `env:"LOGIN_IP_LIMIT" envDefault:"30" validate:"gt=0"`
	LoginWindow       time.Duration `env:"LOGIN_WINDOW" envDefault:"15m" validate:"gt=0"`
	SignupIPLimit     int           `env:"SIGNUP_IP_LIMIT" envDefault:"10" validate:"gt=0"`
	SignupWindow      time.Duration `env:"SIGNUP_WINDOW" envDefault:"1h" validate:"gt=0"`
	InviteIPLimit     int           `env:"INVITE_IP_LIMIT" envDefault:"60" validate:"gt=0"`
	InviteOrgLimit    int           `env:"INVITE_ORG_LIMIT" envDefault:"30" validate:"gt=0"`
	InviteWindow      time.Duration `env:"INVITE_WINDOW" envDefault:"1h" validate:"gt=0"`
	// Password-reset requests per client address, and reset mails per
	// e-mail address (notices of a sign-up with a taken address alike,
	// counted apart), per PASSWORD_RESET_WINDOW.
	ResetIPLimit   int           `env:"PASSWORD_RESET_IP_LIMIT" envDefault:"10" validate:"gt=0"`
	ResetAddrLimit int           `env:"PASSWORD_RESET_ADDRESS_LIMIT" envDefault:"3" validate:"gt=0"`
	ResetWindow    time.Duration `env:"PASSWORD_RESET_WINDOW" envDefault:"1h" validate:"gt=0"`
	CORSOrigins    string        `env:"CORS_ALLOWED_ORIGINS"`
	ProxyTimeout   time.Duration `env:"PROXY_TIMEOUT" envDefault:"15s" validate:"gt=0"`
	KeyPrepublish  time.Duration `env:"SIGNING_KEY_PREPUBLISH" envDefault:"10m" validate:"gte=0"`
	KeyReload      time.Duration `env:"SIGNING_KEY_RELOAD" envDefault:"1m" validate:"gt=0"`
	// SessionIdle ends a session whose refresh token goes unused this
	// long; SessionMax ends every session this long after its sign-in.
	SessionIdle time.Duration `env:"SESSION_IDLE_TIMEOUT" envDefault:"12h" validate:"gt=0"`
	SessionMax  time.Duration `env:"SESSION_MAX_LIFETIME" envDefault:"720h" validate:"gt=0,gtefield=SessionIdle"`
	// RevocationPrefix starts the Redis keys of revoked sessions and
	// users, which every service reads; it must equal theirs.
	RevocationPrefix string `env:"REVOCATION_KEY_PREFIX" envDefault:"onward:revoked:" validate:"required"`
	// RevocationRestore is how often the gateway checks that Redis still
	// holds the revocation list (its marker key) and, if Redis came back
	// empty, writes the list back from MongoDB. Until then every verifier
	// answers 503 to user tokens, so it is short.
	RevocationRestore time.Duration `env:"REVOCATION_RESTORE_INTERVAL" envDefault:"1s" validate:"gt=0"`
}

// defaults are the gateway's own values for the shared settings.
var defaults = map[string]string{"HTTP_ADDR": ":8080", "MONGO_DB": "onward_gateway"}

// LoadConfig reads and validates the configuration from environ.
//
// TRUSTED_PROXIES (shared by every service, empty by default) matters most
// here: the gateway throttles sign-in per client address, and takes that
// address from X-Forwarded-For only when the peer is one of these
// addresses or ranges, such as the web server that signs browsers in
// through the API. A malformed entry would be ignored silently by Fiber
// and leave every browser behind that proxy sharing one address, so it
// stops the start instead.
func LoadConfig(environ map[string]string) (Config, error) {
	var cfg Config
	if err := config.Load(&cfg, config.WithDefaults(environ, defaults)); err != nil {
		return cfg, err
	}
	if err := checkUpstreamURLs(cfg); err != nil {
		return cfg, err
	}
	return cfg, checkTrustedProxies(cfg.TrustedProxies)
}

// checkUpstreamURLs refuses a service address that is not a list of
// http(s) base URLs.
func checkUpstreamURLs(cfg Config) error {
	for key, setting := range map[string]string{
		"EMPLOYERS_URL": cfg.EmployersURL, "CANDIDATES_URL": cfg.CandidatesURL, "MATCHING_URL": cfg.MatchingURL,
		"NOTIFICATIONS_URL": cfg.NotificationsURL, "PLACEMENTS_URL": cfg.PlacementsURL, "INSIGHTS_URL": cfg.InsightsURL,
	} {
		if _, err := httpx.ParseBaseURLs(setting); err != nil {
			return fmt.Errorf("config: %s: %w", key, err)
		}
	}
	return nil
}

// firstURL is the first instance of a service address setting, where the
// gateway calls the service itself; empty when the setting is.
func firstURL(setting string) string {
	bases, _ := httpx.ParseBaseURLs(setting)
	if len(bases) == 0 {
		return ""
	}
	return bases[0]
}

func checkTrustedProxies(list []string) error {
	for _, entry := range list {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		if _, err := netip.ParseAddr(entry); err == nil {
			continue
		}
		if _, err := netip.ParsePrefix(entry); err != nil {
			return fmt.Errorf("config: TRUSTED_PROXIES: %q is neither an IP address nor a CIDR range", entry)
		}
	}
	return nil
}
