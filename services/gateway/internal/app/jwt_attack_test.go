package app_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// TestJWTAttacksRejected sends forged and tampered tokens to a real gateway.
// Each differs from a valid token in one respect, so a 401 proves that
// check works end to end.
func TestJWTAttacksRejected(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	signupEmployer(t, g, "owner@bakery.be")
	access, refresh := login(t, g, "owner@bakery.be", strongPassword)
	call(t, g, "GET", "/api/v1/me", access, nil).expect(t, http.StatusOK)

	signer := g.Signer(t)
	var claims auth.Claims
	parts := strings.Split(access, ".")
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	if err := json.Unmarshal(payload, &claims); err != nil {
		t.Fatal(err)
	}
	forge := func(mutate func(c *auth.Claims)) string {
		c := claims
		c.Audience = append(jwt.ClaimStrings(nil), claims.Audience...)
		mutate(&c)
		tok, err := signer.Sign(c)
		if err != nil {
			t.Fatalf("forge: %v", err)
		}
		return tok
	}
	pub := jwksKey(t, g)

	attacks := map[string]string{
		"alg none":                    unsigned(t, claims),
		"HS256 keyed with public key": hmacSigned(t, pub, claims),
		"expired":                     forge(func(c *auth.Claims) { c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(-time.Hour)) }),
		"wrong audience":              forge(func(c *auth.Claims) { c.Audience = jwt.ClaimStrings{"matching"} }),
		"wrong issuer":                forge(func(c *auth.Claims) { c.Issuer = "https://evil.example" }),
		"wrong typ":                   retyped(t, g, claims, "JWT"),
		"refresh token as access":     refresh,
		"tampered signature":          parts[0] + "." + parts[1] + "." + flip(parts[2]),
		"tampered payload":            parts[0] + "." + escalate(t, parts[1]) + "." + parts[2],
		"oversize token":              parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(strings.Repeat("x", 5000))) + "." + parts[2],
		"signed by another key":       otherKey(t, signer.KeyID(), claims),
	}
	for name, token := range attacks {
		t.Run(name, func(t *testing.T) {
			r := call(t, g, "GET", "/api/v1/me", token, nil).expect(t, http.StatusUnauthorized)
			if !r.isProblem() || r.Header.Get("WWW-Authenticate") == "" {
				t.Fatalf("answer is not a 401 problem with WWW-Authenticate: %v %s", r.Header, r.Raw)
			}
		})
	}
	t.Run("header beyond the server's limit", func(t *testing.T) {
		huge := "Bearer " + strings.Repeat("a", 12000)
		req, _ := http.NewRequest("GET", g.URL+"/api/v1/me", nil)
		req.Header.Set("Authorization", huge)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
			t.Fatalf("status %d, want 431", resp.StatusCode)
		}
	})
}

func jwksKey(t *testing.T, g *gatewaytest.Gateway) ed25519.PublicKey {
	t.Helper()
	set := fetchJWKS(t, g)
	if len(set.Keys) == 0 {
		t.Fatal("jwks: no keys published")
	}
	pub, err := set.Keys[0].PublicKey()
	if err != nil {
		t.Fatal(err)
	}
	return pub
}

// fetchJWKS reads the gateway's published key set.
func fetchJWKS(t *testing.T, g *gatewaytest.Gateway) auth.JWKS {
	t.Helper()
	resp, err := http.Get(g.URL + "/.well-known/jwks.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var set auth.JWKS
	if err := json.NewDecoder(resp.Body).Decode(&set); err != nil {
		t.Fatalf("jwks: %v", err)
	}
	return set
}

func unsigned(t *testing.T, c auth.Claims) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodNone, c)
	tok.Header["typ"] = "at+jwt"
	s, err := tok.SignedString(jwt.UnsafeAllowNoneSignatureType)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func hmacSigned(t *testing.T, pub ed25519.PublicKey, c auth.Claims) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, c)
	tok.Header["typ"] = "at+jwt"
	s, err := tok.SignedString([]byte(pub))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func retyped(t *testing.T, g *gatewaytest.Gateway, c auth.Claims, typ string) string {
	t.Helper()
	kid, priv := g.SigningKey(t)
	tok := jwt.NewWithClaims(jwt.SigningMethodEdDSA, c)
	tok.Header["typ"] = typ
	tok.Header["kid"] = kid
	s, err := tok.SignedString(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func otherKey(t *testing.T, kid string, c auth.Claims) string {
	t.Helper()
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	s, err := auth.NewSigner(kid, priv)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := s.Sign(c)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func flip(sig string) string {
	b, _ := base64.RawURLEncoding.DecodeString(sig)
	b[0] ^= 0xff
	return base64.RawURLEncoding.EncodeToString(b)
}

func escalate(t *testing.T, payload string) string {
	t.Helper()
	raw, _ := base64.RawURLEncoding.DecodeString(payload)
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	m["role"] = "admin"
	out, _ := json.Marshal(m)
	return base64.RawURLEncoding.EncodeToString(out)
}
