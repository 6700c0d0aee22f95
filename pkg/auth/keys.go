package auth

import (
	"context"
	"crypto/ed25519"
	"fmt"

	"github.com/onward-jobs/onward/pkg/errs"
)

// ErrUnknownKey means no public key is known for a token's kid. It is an
// errs.Unauthenticated.
var ErrUnknownKey = fmt.Errorf("unknown signing key: %w", errs.Unauthenticated)

// KeySource finds the public key a token was signed with. Implementations
// return an error wrapping ErrUnknownKey when kid is not known, and must be
// safe for concurrent use.
type KeySource interface {
	Key(ctx context.Context, kid string) (ed25519.PublicKey, error)
}

// StaticKeys is a fixed set of public keys by kid. The gateway uses it to
// verify its own tokens without fetching its own JWK Set, and tests use it
// to avoid a server.
type StaticKeys map[string]ed25519.PublicKey

// Key returns the key for kid.
func (s StaticKeys) Key(_ context.Context, kid string) (ed25519.PublicKey, error) {
	if key, ok := s[kid]; ok {
		return key, nil
	}
	return nil, ErrUnknownKey
}
