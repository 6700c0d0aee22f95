package auth

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"
)

// Defaults for JWKSCacheConfig.
const (
	DefaultJWKSTTL        = 5 * time.Minute
	DefaultJWKSMinRefresh = 10 * time.Second
	defaultHTTPTimeout    = 5 * time.Second
	maxJWKSBytes          = 1 << 20
)

// JWKSCacheConfig configures a JWKSCache.
type JWKSCacheConfig struct {
	// URL is the gateway's JWK Set, for example
	// http://gateway:8080/.well-known/jwks.json. Required.
	URL string
	// HTTPClient fetches the set. Default: a client with a 5s timeout.
	HTTPClient *http.Client
	// TTL is how long a fetched set is trusted before it is fetched again.
	// Default: DefaultJWKSTTL.
	TTL time.Duration
	// MinRefresh is the least time between two fetches. It bounds the load
	// that tokens with made-up kids can put on the gateway. Default:
	// DefaultJWKSMinRefresh.
	MinRefresh time.Duration
	// Logger reports failed refreshes. Default: slog.Default().
	Logger *slog.Logger
}

// JWKSCache is a KeySource backed by the gateway's JWK Set. It refetches the
// set when it is older than TTL or when a token names an unknown kid, which
// is how a newly rotated key is picked up, but never more often than once
// per MinRefresh. If a fetch fails it keeps serving the keys it has, so a
// gateway outage does not take every service's authentication down with it.
// It is safe for concurrent use.
type JWKSCache struct {
	cfg JWKSCacheConfig
	now func() time.Time // replaced in tests

	fetchMu sync.Mutex // held while fetching, so at most one fetch runs

	mu          sync.RWMutex // guards the fields below
	keys        map[string]ed25519.PublicKey
	fetchedAt   time.Time
	lastAttempt time.Time
}

// NewJWKSCache returns a cache for cfg.URL. It does not fetch until the
// first Key call; call Refresh at start-up to fail fast on a bad URL.
func NewJWKSCache(cfg JWKSCacheConfig) (*JWKSCache, error) {
	if cfg.URL == "" {
		return nil, errors.New("auth: JWKS URL is required")
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: defaultHTTPTimeout}
	}
	if cfg.TTL <= 0 {
		cfg.TTL = DefaultJWKSTTL
	}
	if cfg.MinRefresh <= 0 {
		cfg.MinRefresh = DefaultJWKSMinRefresh
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	return &JWKSCache{cfg: cfg, now: time.Now}, nil
}

// Key returns the public key for kid, fetching the set if kid is unknown or
// the set is stale and the rate limit allows.
func (c *JWKSCache) Key(ctx context.Context, kid string) (ed25519.PublicKey, error) {
	key, known, fresh := c.lookup(kid)
	if known && fresh {
		return key, nil
	}
	if !known {
		c.fetchMu.Lock()
	} else if !c.fetchMu.TryLock() {
		// A stale key is still good while someone else refreshes; requests
		// must not queue behind a slow gateway.
		return key, nil
	}
	c.refreshLocked(ctx)
	c.fetchMu.Unlock()
	// Look again even after a failed fetch: a stale key beats an outage,
	// and a key the gateway has dropped is gone only after a good fetch.
	if key, known, _ = c.lookup(kid); known {
		return key, nil
	}
	return nil, ErrUnknownKey
}

// Refresh fetches the set now, ignoring the TTL and the rate limit.
func (c *JWKSCache) Refresh(ctx context.Context) error {
	c.fetchMu.Lock()
	defer c.fetchMu.Unlock()
	return c.fetch(ctx)
}

func (c *JWKSCache) lookup(kid string) (key ed25519.PublicKey, known, fresh bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	key, known = c.keys[kid]
	return key, known, c.now().Sub(c.fetchedAt) < c.cfg.TTL
}

// refreshLocked fetches the set unless one was attempted within MinRefresh,
// and logs a failure rather than returning it: the caller can only fall back
// to the keys it has. The caller holds fetchMu, so callers that queued
// behind a fetch see its attempt time here and do not fetch again.
func (c *JWKSCache) refreshLocked(ctx context.Context) {
	c.mu.RLock()
	last := c.lastAttempt
	c.mu.RUnlock()
	if !last.IsZero() && c.now().Sub(last) < c.cfg.MinRefresh {
		return
	}
	if err := c.fetch(ctx); err != nil {
		c.cfg.Logger.WarnContext(ctx, "JWKS refresh failed; keeping cached keys", "url", c.cfg.URL, "error", err)
	}
}

// fetch replaces the cached keys with the gateway's current set. The caller
// holds fetchMu.
func (c *JWKSCache) fetch(ctx context.Context) error {
	c.mu.Lock()
	c.lastAttempt = c.now()
	c.mu.Unlock()

	keys, err := c.download(ctx)
	if err != nil {
		return err
	}
	c.mu.Lock()
	c.keys, c.fetchedAt = keys, c.now()
	c.mu.Unlock()
	return nil
}

func (c *JWKSCache) download(ctx context.Context) (map[string]ed25519.PublicKey, error) {
	// The fetch serves every waiting request, so one client hanging up must
	// not cancel it; the HTTP client's timeout still bounds it.
	req, err := http.NewRequestWithContext(context.WithoutCancel(ctx), http.MethodGet, c.cfg.URL, nil)
	if err != nil {
		return nil, fmt.Errorf("auth: build JWKS request: %w", err)
	}
	req.Header.Set("Accept", "application/jwk-set+json, application/json")
	resp, err := c.cfg.HTTPClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("auth: fetch JWKS: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("auth: fetch JWKS: status %d", resp.StatusCode)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxJWKSBytes))
	if err != nil {
		return nil, fmt.Errorf("auth: read JWKS: %w", err)
	}
	return ParseJWKS(body)
}
