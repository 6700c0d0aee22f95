package auth

import (
	"context"
	"crypto/ed25519"
	"errors"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"github.com/onward-jobs/onward/pkg/errs"
)

// countingKeys records how often a key was looked up.
type countingKeys struct {
	StaticKeys
	lookups int
}

func (c *countingKeys) Key(ctx context.Context, kid string) (ed25519.PublicKey, error) {
	c.lookups++
	return c.StaticKeys.Key(ctx, kid)
}

// TestAlgorithmPinnedBeforeKeyLookup checks that foreign algorithms are
// refused by the pin itself, before any key is fetched, rather than by the
// luck of a key type mismatch further down.
func TestAlgorithmPinnedBeforeKeyLookup(t *testing.T) {
	key := newTestKey(t, "k1")
	keys := &countingKeys{StaticKeys: StaticKeys{key.kid: key.pub}}
	v := newTestVerifier(t, keys)
	header := map[string]any{"kid": key.kid, "typ": TokenType}

	for name, token := range map[string]string{
		"none":          signJWT(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, header, memberClaims()),
		"HS256":         signJWT(t, jwt.SigningMethodHS256, []byte(key.pub), header, memberClaims()),
		"ES256 claimed": signJWT(t, jwt.SigningMethodHS256, []byte(key.pub), map[string]any{"kid": key.kid, "typ": TokenType, "alg": "ES256"}, memberClaims()),
	} {
		if _, err := v.Verify(context.Background(), token); !errors.Is(err, errs.Unauthenticated) {
			t.Errorf("%s: err = %v, want Unauthenticated", name, err)
		}
	}
	if keys.lookups != 0 {
		t.Errorf("key source consulted %d times for non-EdDSA tokens", keys.lookups)
	}
}

func TestNewVerifierRequiresConfig(t *testing.T) {
	keys := StaticKeys{}
	for name, cfg := range map[string]VerifierConfig{
		"no issuer":   {Audiences: []string{testAudience}, Keys: keys},
		"no audience": {Issuer: testIssuer, Keys: keys},
		"no keys":     {Issuer: testIssuer, Audiences: []string{testAudience}},
	} {
		if _, err := NewVerifier(cfg); err == nil {
			t.Errorf("%s: NewVerifier succeeded", name)
		}
	}
}
