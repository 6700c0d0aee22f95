package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
)

// ServiceTokenPath is the gateway endpoint that issues service tokens.
const ServiceTokenPath = "/internal/v1/service-tokens"

// serviceTokenMargin is how long before expiry a cached token is replaced,
// so a token is never sent that expires while the request is in flight.
const serviceTokenMargin = 30 * time.Second

// TokenSource supplies bearer tokens for calls to another service.
type TokenSource interface {
	Token(ctx context.Context, audience string) (string, error)
}

// ServiceTokenConfig configures a ServiceTokenSource.
type ServiceTokenConfig struct {
	// GatewayURL is the gateway's base URL, such as http://gateway:8080.
	GatewayURL string
	// ServiceName is this service's name; it becomes the token subject.
	ServiceName string
	// Secret authenticates this service to the gateway.
	Secret string
	// HTTPClient calls the gateway. Default: a client with a 5s timeout.
	HTTPClient *http.Client
}

// ServiceTokenSource obtains service tokens from the gateway and caches
// one per audience until 30 seconds before it expires. It is safe for
// concurrent use; concurrent callers for one audience share one request.
type ServiceTokenSource struct {
	cfg     ServiceTokenConfig
	gateway *api.ClientWithResponses
	now     func() time.Time // replaced in tests

	mu    sync.Mutex
	slots map[string]*tokenSlot
}

// tokenSlot holds the cached token for one audience. Its lock is held
// while fetching so that callers for that audience wait for one fetch
// instead of each making their own.
type tokenSlot struct {
	mu        sync.Mutex
	token     string
	refreshAt time.Time
}

// NewServiceTokenSource returns a source for cfg, or an error if cfg is
// incomplete.
func NewServiceTokenSource(cfg ServiceTokenConfig) (*ServiceTokenSource, error) {
	if cfg.GatewayURL == "" || cfg.ServiceName == "" || cfg.Secret == "" {
		return nil, errors.New("auth: service tokens need a gateway URL, a service name and a secret")
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: defaultHTTPTimeout}
	}
	gateway, err := api.NewClientWithResponses(cfg.GatewayURL, api.WithHTTPClient(cfg.HTTPClient),
		api.WithRequestEditorFn(api.BearerToken(cfg.Secret)))
	if err != nil {
		return nil, fmt.Errorf("auth: gateway URL: %w", err)
	}
	return &ServiceTokenSource{
		cfg:     cfg,
		gateway: gateway,
		now:     time.Now,
		slots:   make(map[string]*tokenSlot),
	}, nil
}

// Token returns a token for calling the service named audience.
func (s *ServiceTokenSource) Token(ctx context.Context, audience string) (string, error) {
	if audience == "" {
		return "", errors.New("auth: service token audience is required")
	}
	slot := s.slot(audience)
	slot.mu.Lock()
	defer slot.mu.Unlock()
	if slot.token != "" && s.now().Before(slot.refreshAt) {
		return slot.token, nil
	}
	resp, err := s.fetch(ctx, audience)
	if err != nil {
		return "", err
	}
	slot.token = resp.AccessToken
	slot.refreshAt = s.now().Add(time.Duration(resp.ExpiresIn)*time.Second - serviceTokenMargin)
	return slot.token, nil
}

func (s *ServiceTokenSource) slot(audience string) *tokenSlot {
	s.mu.Lock()
	defer s.mu.Unlock()
	slot, ok := s.slots[audience]
	if !ok {
		slot = &tokenSlot{}
		s.slots[audience] = slot
	}
	return slot
}

// fetch asks the gateway for a token. An unreachable or failing gateway is
// errs.Unavailable; any other refusal is a configuration fault of ours and
// stays uncategorised (500), never Unauthenticated, which would blame the
// end user's credentials.
func (s *ServiceTokenSource) fetch(ctx context.Context, audience string) (api.ServiceToken, error) {
	resp, err := s.gateway.IssueServiceTokenWithResponse(ctx, api.ServiceTokenRequest{
		Service: api.ServiceName(s.cfg.ServiceName), Audience: api.ServiceName(audience),
	})
	var transportErr *url.Error
	switch {
	case errors.As(err, &transportErr):
		return api.ServiceToken{}, fmt.Errorf("auth: request service token for %s: %w: %w", audience, errs.Unavailable, err)
	case err != nil:
		return api.ServiceToken{}, fmt.Errorf("auth: decode service token response: %w", err)
	case resp.StatusCode() >= 500:
		return api.ServiceToken{}, fmt.Errorf("auth: gateway answered %d for a service token: %w", resp.StatusCode(), errs.Unavailable)
	case resp.StatusCode() != http.StatusOK || resp.JSON200 == nil:
		return api.ServiceToken{}, fmt.Errorf("auth: gateway refused a service token for %s with status %d", audience, resp.StatusCode())
	}
	if out := *resp.JSON200; out.AccessToken != "" && out.ExpiresIn > 0 {
		return out, nil
	}
	return api.ServiceToken{}, errors.New("auth: gateway sent a service token without access_token or expires_in")
}
