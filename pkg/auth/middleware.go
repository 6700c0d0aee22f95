package auth

import (
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

type localsKey struct{}

// Middleware authenticates every request with the bearer token in its
// Authorization header. On success it stores the Principal both in the
// Fiber locals (see PrincipalFrom) and in the user context (see
// FromContext); on failure it returns an errs.Unauthenticated for the
// shared error handler to answer.
func Middleware(v *Verifier) fiber.Handler {
	return func(c *fiber.Ctx) error {
		raw, err := bearerToken(c.Get(fiber.HeaderAuthorization))
		if err != nil {
			return err
		}
		claims, err := v.Verify(c.UserContext(), raw)
		if err != nil {
			return err
		}
		p := claims.Principal()
		c.Locals(localsKey{}, p)
		c.SetUserContext(WithPrincipal(c.UserContext(), p))
		return c.Next()
	}
}

// bearerToken extracts the token from an RFC 6750 Authorization header. The
// scheme is case-insensitive (RFC 9110 section 11.1).
func bearerToken(header string) (string, error) {
	if header == "" {
		return "", fmt.Errorf("missing Authorization header: %w", errs.Unauthenticated)
	}
	scheme, token, _ := strings.Cut(header, " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return "", fmt.Errorf("authorization scheme must be Bearer: %w", errs.Unauthenticated)
	}
	token = strings.TrimLeft(token, " ")
	if token == "" || strings.ContainsAny(token, " \t") {
		return "", fmt.Errorf("malformed bearer token: %w", errs.Unauthenticated)
	}
	return token, nil
}

// PrincipalFrom returns the caller authenticated by Middleware.
func PrincipalFrom(c *fiber.Ctx) (Principal, bool) {
	p, ok := c.Locals(localsKey{}).(Principal)
	return p, ok
}

// RequireRole lets a request through only if its caller holds one of roles.
// Mount it after Middleware; without an authenticated caller it answers 401
// rather than 403, because failing closed is safer than trusting the order
// of route registration.
func RequireRole(roles ...string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		p, ok := PrincipalFrom(c)
		if !ok {
			return fmt.Errorf("no authenticated caller: %w", errs.Unauthenticated)
		}
		if !p.HasRole(roles...) {
			return fmt.Errorf("requires role %s: %w", strings.Join(roles, " or "), errs.Forbidden)
		}
		return c.Next()
	}
}
