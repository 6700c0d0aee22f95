package auth

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/onward-jobs/onward/pkg/errs"
)

// TestRememberedTokenIsRefusedOnceExpired: a token verified while valid
// and presented again after its exp (and the leeway) is refused, although
// its signature is not checked again.
func TestRememberedTokenIsRefusedOnceExpired(t *testing.T) {
	key := newTestKey(t, "k1")
	v := newTestVerifier(t, StaticKeys{key.kid: key.pub})
	token, err := key.signer(t).Sign(memberClaims())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	seen, err := v.Verify(ctx, token)
	if err != nil {
		t.Fatal(err)
	}
	// As if the token had been verified an hour ago and has expired since.
	remembered, _ := v.verified.get(token)
	remembered.claims.IssuedAt = jwt.NewNumericDate(time.Now().Add(-time.Hour))
	remembered.claims.NotBefore = remembered.claims.IssuedAt
	remembered.claims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(-time.Minute))
	v.verified.put(token, remembered)
	if _, err := v.Verify(ctx, token); !errors.Is(err, errs.Unauthenticated) {
		t.Fatalf("an expired remembered token: err = %v, want Unauthenticated", err)
	}
	if seen.Subject != "user-42" {
		t.Fatalf("subject %q", seen.Subject)
	}
}

// TestRememberedTokenIsRefusedWhenItsKeyIsWithdrawn: a token verified
// under a key is refused once the key source no longer names that key
// for its kid, withdrawn or replaced.
func TestRememberedTokenIsRefusedWhenItsKeyIsWithdrawn(t *testing.T) {
	key, other := newTestKey(t, "k1"), newTestKey(t, "k1")
	keys := StaticKeys{key.kid: key.pub}
	v := newTestVerifier(t, keys)
	token, err := key.signer(t).Sign(memberClaims())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for range 2 {
		if _, err := v.Verify(ctx, token); err != nil {
			t.Fatal(err)
		}
	}
	keys[key.kid] = other.pub
	if _, err := v.Verify(ctx, token); !errors.Is(err, errs.Unauthenticated) {
		t.Fatalf("key replaced: err = %v, want Unauthenticated", err)
	}
	delete(keys, key.kid)
	if _, err := v.Verify(ctx, token); !errors.Is(err, errs.Unauthenticated) {
		t.Fatalf("key withdrawn: err = %v, want Unauthenticated", err)
	}
}

// TestRememberedTokenKeepsItsAudience: a token another verifier (another
// audience) accepted and remembered is still refused by one that does not
// accept its audience, and a token refused once is refused again.
func TestRememberedTokenKeepsItsAudience(t *testing.T) {
	key := newTestKey(t, "k1")
	keys := StaticKeys{key.kid: key.pub}
	v := newTestVerifier(t, keys, "another-service")
	token, err := key.signer(t).Sign(memberClaims())
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := v.Verify(context.Background(), token); !errors.Is(err, errs.Unauthenticated) {
			t.Fatalf("wrong audience: err = %v, want Unauthenticated", err)
		}
	}
	if _, ok := v.verified.get(token); ok {
		t.Fatal("a refused token was remembered")
	}
}
