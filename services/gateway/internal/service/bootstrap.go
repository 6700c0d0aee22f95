package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// BootstrapResult says what EnsureAdmin did. GeneratedPassword is set only
// when it created the administrator with a password it made up, which the
// caller must show once.
type BootstrapResult struct {
	Created           bool
	Email             string
	GeneratedPassword string
}

// EnsureAdmin creates the first platform administrator when the database
// has no users at all. With no password configured it generates a strong
// one. A second replica racing to do the same hits the unique e-mail index
// and changes nothing.
func (s *Service) EnsureAdmin(ctx context.Context, email, plain string) (BootstrapResult, error) {
	n, err := s.Users.Count(ctx)
	if err != nil {
		return BootstrapResult{}, fmt.Errorf("count users: %w", err)
	}
	if n > 0 {
		return BootstrapResult{}, nil
	}
	generated := ""
	if plain == "" {
		plain = newOpaqueToken()[:24]
		generated = plain
	}
	user, err := s.newUser("Administrator", email, plain, "", domain.RoleAdmin, domain.DefaultLanguage)
	if err != nil {
		return BootstrapResult{}, fmt.Errorf("first administrator (ONWARD_ADMIN_EMAIL / ONWARD_ADMIN_PASSWORD): %w", err)
	}
	if err := s.Users.Create(ctx, user); errors.Is(err, errs.Conflict) {
		return BootstrapResult{}, nil // another replica created it first
	} else if err != nil {
		return BootstrapResult{}, fmt.Errorf("create first administrator: %w", err)
	}
	return BootstrapResult{Created: true, Email: user.Email, GeneratedPassword: generated}, nil
}
