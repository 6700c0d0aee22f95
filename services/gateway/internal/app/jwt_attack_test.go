package app_test

import (
	"crypto/ed25519"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/auth/authtest"
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
	claims := authtest.ClaimsOf(t, access)
	forge := func(mutate func(c *auth.Claims)) string {
		c := authtest.Copy(claims)
		mutate(&c)
		tok, err := signer.Sign(c)
		if err != nil {
			t.Fatalf("forge: %v", err)
		}
		return tok
	}
	pub := jwksKey(t, g)
	kid, priv := g.SigningKey(t)
	retyped := authtest.Signed(t, kid, priv, claims, map[string]any{"typ": "JWT"})

	attacks := map[string]string{
		"alg none":                    authtest.Unsigned(t, claims),
		"HS256 keyed with public key": authtest.HMACSigned(t, pub, claims),
		"expired":                     forge(func(c *auth.Claims) { c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(-time.Hour)) }),
		"wrong audience":              forge(func(c *auth.Claims) { c.Audience = jwt.ClaimStrings{"matching"} }),
		"wrong issuer":                forge(func(c *auth.Claims) { c.Issuer = "https://evil.example" }),
		"wrong typ":                   retyped,
		"refresh token as access":     refresh,
		"tampered signature":          authtest.FlipSignature(access),
		"tampered payload":            authtest.Escalated(t, access, "admin"),
		"oversize token":              authtest.Oversized(access, 5000),
		"signed by another key":       authtest.ForeignKey(t, signer.KeyID(), claims),
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
