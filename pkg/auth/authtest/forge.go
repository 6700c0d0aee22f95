// Package authtest forges access tokens for tests: tokens that differ from
// a valid one in exactly one respect (the algorithm, the key, a claim, a
// header), so that a refusal proves that one check works end to end. The
// gateway's own tests and the platform's standing security suite
// (deploy/local) share it.
package authtest

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"github.com/onward-jobs/onward/pkg/auth"
)

// ClaimsOf decodes the payload of a compact token without verifying it.
func ClaimsOf(t testing.TB, token string) auth.Claims {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("authtest: %d parts in a token, want 3", len(parts))
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatalf("authtest: payload: %v", err)
	}
	var c auth.Claims
	if err := json.Unmarshal(payload, &c); err != nil {
		t.Fatalf("authtest: payload: %v", err)
	}
	return c
}

// Copy returns c with its own audience slice, so a mutation of the copy
// leaves c as it was.
func Copy(c auth.Claims) auth.Claims {
	c.Audience = append(jwt.ClaimStrings(nil), c.Audience...)
	return c
}

// Unsigned is c with "alg": "none" and no signature.
func Unsigned(t testing.TB, c auth.Claims) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodNone, c)
	tok.Header["typ"] = auth.TokenType
	s, err := tok.SignedString(jwt.UnsafeAllowNoneSignatureType)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// HMACSigned is c signed with HS256 keyed with the verifier's public key,
// the classic algorithm-confusion attack.
func HMACSigned(t testing.TB, pub ed25519.PublicKey, c auth.Claims) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, c)
	tok.Header["typ"] = auth.TokenType
	s, err := tok.SignedString([]byte(pub))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Signed is c signed with EdDSA by priv under kid, with typ at+jwt and any
// extra headers (a jku, an x5u, an injected kid), so that only what the
// caller changes differs from a real token. Unlike auth.Signer it signs
// claims of any shape, which is the point.
func Signed(t testing.TB, kid string, priv ed25519.PrivateKey, c auth.Claims, headers map[string]any) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodEdDSA, c)
	tok.Header["typ"] = auth.TokenType
	tok.Header["kid"] = kid
	for k, v := range headers {
		tok.Header[k] = v
	}
	s, err := tok.SignedString(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// ForeignKey is c signed by a freshly generated key that claims kid, the
// id of a key the verifier trusts.
func ForeignKey(t testing.TB, kid string, c auth.Claims) string {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return Signed(t, kid, priv, c, nil)
}

// FlipSignature returns token with the first byte of its signature
// inverted.
func FlipSignature(token string) string {
	parts := strings.Split(token, ".")
	b, _ := base64.RawURLEncoding.DecodeString(parts[2])
	if len(b) > 0 {
		b[0] ^= 0xff
	}
	return parts[0] + "." + parts[1] + "." + base64.RawURLEncoding.EncodeToString(b)
}

// Escalated returns token with its payload's role changed to role and the
// original signature kept.
func Escalated(t testing.TB, token, role string) string {
	t.Helper()
	parts := strings.Split(token, ".")
	raw, _ := base64.RawURLEncoding.DecodeString(parts[1])
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	m["role"] = role
	out, _ := json.Marshal(m)
	return parts[0] + "." + base64.RawURLEncoding.EncodeToString(out) + "." + parts[2]
}

// Oversized returns token with its payload replaced by n bytes of filler,
// still under a server's header limit when n is about 5,000.
func Oversized(token string, n int) string {
	parts := strings.Split(token, ".")
	return parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(strings.Repeat("x", n))) + "." + parts[2]
}
