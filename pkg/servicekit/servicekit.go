// Package servicekit holds what Onward's domain services (employers,
// candidates and matching) share on top of pkg/platform: the settings for
// trusting the gateway's tokens, and a Start that brings up the platform
// together with a token verifier. Each service's composition root stays a
// few lines: load its Config, Start, mount its routes, Serve.
//
// The gateway does not use this package: it issues tokens rather than
// fetching them, and its configuration differs.
package servicekit

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/config"
	"github.com/onward-jobs/onward/pkg/platform"
)

// JWKSPath is where the gateway publishes its public signing keys.
const JWKSPath = "/.well-known/jwks.json"

// Config is the configuration every domain service shares. A service embeds
// it in its own Config and supplies its own defaults for HTTP_ADDR and
// MONGO_DB with config.WithDefaults.
type Config struct {
	config.Base
	// PublicURL is the gateway's public URL, which is also the issuer (iss)
	// of every token; it must equal the gateway's own ONWARD_PUBLIC_URL.
	PublicURL string `env:"ONWARD_PUBLIC_URL" envDefault:"http://localhost:8080" validate:"required,url"`
	// GatewayURL is where this service reaches the gateway, for its JWK Set
	// and, later, for service tokens. It may differ from PublicURL inside a
	// private network.
	GatewayURL string `env:"GATEWAY_URL" envDefault:"http://localhost:8080" validate:"required,url"`
	// APIAudience is the audience of access tokens issued to people.
	APIAudience string `env:"ONWARD_API_AUDIENCE" envDefault:"onward-api" validate:"required"`
	// ServiceSecret authenticates this service to the gateway when it asks
	// for a service token. It is required now, although no call uses it yet,
	// so that a deployment missing it fails at start rather than on the
	// first call between services.
	ServiceSecret string `env:"ONWARD_SERVICE_SECRET" validate:"required,min=32" secret:"true"`
	// AccessTokenTTL is the gateway's access-token lifetime (the same
	// ACCESS_TOKEN_TTL): a token whose exp − iat is longer is refused, and
	// revocations are remembered this long.
	AccessTokenTTL time.Duration `env:"ACCESS_TOKEN_TTL" envDefault:"15m" validate:"gt=0"`
	// RevocationPrefix starts the Redis keys of revoked sessions and users;
	// it must equal the gateway's.
	RevocationPrefix string `env:"REVOCATION_KEY_PREFIX" envDefault:"onward:revoked:" validate:"required"`
}

// JWKSURL returns the address of the gateway's JWK Set.
func (c Config) JWKSURL() string {
	return strings.TrimRight(c.GatewayURL, "/") + JWKSPath
}

// Service is a started domain service: the shared platform runtime and the
// verifier its /api/v1 routes mount behind auth.Middleware.
type Service struct {
	*platform.Runtime
	Verifier *auth.Verifier
}

// Start connects to MongoDB and Redis, builds the HTTP server and a token
// verifier. name is the service's name and the audience of service tokens
// meant for it; fullConfig is the service's whole config, logged with
// secrets masked. The caller adds its routes and then calls Serve.
func Start(ctx context.Context, name string, cfg Config, fullConfig any, logOut io.Writer) (*Service, error) {
	rt, err := platform.Start(ctx, name, cfg.Base, fullConfig, logOut)
	if err != nil {
		return nil, err
	}
	verifier, err := NewVerifier(cfg, name, rt.Redis, rt.Logger)
	if err != nil {
		_ = rt.Close()
		return nil, fmt.Errorf("token verifier: %w", err)
	}
	return &Service{Runtime: rt, Verifier: verifier}, nil
}

// NewVerifier returns a verifier that accepts access tokens for the public
// API and service tokens addressed to service. Its keys come from the
// gateway's JWK Set, fetched on the first token rather than at start: the
// gateway may start after this service (the local launcher starts all four
// at once), and a service that cannot verify tokens yet can still be ready.
// It refuses tokens of sessions and users the gateway revoked in rdb, and
// tokens meant to live longer than cfg.AccessTokenTTL. While rdb lacks the
// list's marker (Redis restarted empty and no gateway has restored it yet)
// it refuses user tokens with errs.Unavailable (503); a test that runs no
// gateway sets the marker with auth.MarkRevocationsRestored.
func NewVerifier(cfg Config, service string, rdb redis.UniversalClient, logger *slog.Logger) (*auth.Verifier, error) {
	keys, err := auth.NewJWKSCache(auth.JWKSCacheConfig{URL: cfg.JWKSURL(), Logger: logger})
	if err != nil {
		return nil, err
	}
	revocations, err := auth.NewRevocationList(auth.RevocationListConfig{Redis: rdb, Prefix: cfg.RevocationPrefix, Lifetime: cfg.AccessTokenTTL})
	if err != nil {
		return nil, err
	}
	return auth.NewVerifier(auth.VerifierConfig{
		Issuer:      cfg.PublicURL,
		Audiences:   []string{cfg.APIAudience, service},
		Keys:        keys,
		MaxLifetime: cfg.AccessTokenTTL,
		Revocations: revocations,
	})
}
