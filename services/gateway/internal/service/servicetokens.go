package service

import (
	"crypto/subtle"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
)

// Services are the names a service token may be issued to or for.
var Services = []string{"gateway", "employers", "candidates", "matching", "notifications", "placements", "insights"}

// IssueServiceToken gives a service a short-lived token whose audience is
// the one service it is about to call, after checking the shared service
// secret in constant time.
func (s *Service) IssueServiceToken(secret, presented, service, audience string) (string, time.Duration, error) {
	if secret == "" || subtle.ConstantTimeCompare([]byte(secret), []byte(presented)) != 1 {
		return "", 0, fmt.Errorf("service credentials rejected: %w", errs.Unauthenticated)
	}
	var fields []errs.FieldError
	if !slices.Contains(Services, service) {
		fields = append(fields, errs.FieldError{Field: "service", Message: "must be one of: " + strings.Join(Services, ", ")})
	}
	if !slices.Contains(Services, audience) || audience == service {
		fields = append(fields, errs.FieldError{Field: "audience", Message: "must name another Onward service"})
	}
	if len(fields) > 0 {
		return "", 0, &errs.ValidationError{Fields: fields}
	}
	ttl := min(s.cfg.ServiceTokenTTL, auth.MaxServiceTokenTTL)
	signer, err := s.Keys.Signer()
	if err != nil {
		return "", 0, err
	}
	token, err := auth.IssueServiceToken(signer, s.cfg.Issuer, service, audience, ttl)
	if err != nil {
		return "", 0, fmt.Errorf("sign service token: %w", err)
	}
	return token, ttl, nil
}

// OwnServiceToken is a token of the gateway itself for a call to
// audience, such as its handoffs to the notifications service.
func (s *Service) OwnServiceToken(audience string) (string, error) {
	signer, err := s.Keys.Signer()
	if err != nil {
		return "", err
	}
	token, err := auth.IssueServiceToken(signer, s.cfg.Issuer, "gateway", audience, min(s.cfg.ServiceTokenTTL, auth.MaxServiceTokenTTL))
	if err != nil {
		return "", fmt.Errorf("sign service token: %w", err)
	}
	return token, nil
}
