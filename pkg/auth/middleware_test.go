package auth

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// TestMiddlewareRejectsAttacks sends each classic JWT attack through the
// middleware. Every token but the first few is built so that it would pass
// if the one check under test were missing; want names the reason that must
// appear, so a case cannot pass by failing for some unrelated reason.
func TestMiddlewareRejectsAttacks(t *testing.T) {
	key := newTestKey(t, "k1")
	attacker := newTestKey(t, "k1") // same kid, different key
	signer := key.signer(t)
	app := newTestApp(newTestVerifier(t, StaticKeys{key.kid: key.pub}))
	edHeader := map[string]any{"kid": key.kid, "typ": TokenType}

	withClaims := func(edit func(*Claims)) Claims {
		c := memberClaims()
		edit(&c)
		return c
	}
	signed := func(c Claims) string {
		tok, err := signer.Sign(c)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	valid := signed(memberClaims())
	parts := strings.Split(valid, ".")

	tamperedSig := []byte(parts[2])
	// A middle character always carries signature bits, unlike the last.
	if mid := len(tamperedSig) / 2; tamperedSig[mid] == 'A' {
		tamperedSig[mid] = 'B'
	} else {
		tamperedSig[mid] = 'A'
	}
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	escalated := strings.Replace(string(payload), `"role":"member"`, `"role":"admin"`, 1)
	if escalated == string(payload) {
		t.Fatal("payload tamper did not apply")
	}
	refresh := make([]byte, 32)
	rand.Read(refresh)

	tests := []struct {
		name          string
		authorization string
		want          string
	}{
		{"no header", "", "missing Authorization"},
		{"basic scheme", "Basic dXNlcjpwYXNz", "scheme must be Bearer"},
		{"bearer without token", "Bearer ", "malformed bearer token"},
		{"two tokens", "Bearer " + valid + " " + valid, "malformed bearer token"},
		{"alg none", "Bearer " + signJWT(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, edHeader, memberClaims()), "bad signature or algorithm"},
		{"HS256 keyed with the public key", "Bearer " + signJWT(t, jwt.SigningMethodHS256, []byte(key.pub), edHeader, memberClaims()), "bad signature or algorithm"},
		{"expired", "Bearer " + signed(withClaims(func(c *Claims) { c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(-2 * time.Minute)) })), "token expired"},
		{"missing exp", "Bearer " + signJWT(t, jwt.SigningMethodEdDSA, key.priv, edHeader, withClaims(func(c *Claims) { c.ExpiresAt = nil })), "required claim missing"},
		{"not yet valid", "Bearer " + signed(withClaims(func(c *Claims) { c.NotBefore = jwt.NewNumericDate(time.Now().Add(5 * time.Minute)) })), "not valid yet"},
		{"wrong audience", "Bearer " + signed(withClaims(func(c *Claims) { c.Audience = jwt.ClaimStrings{"matching"} })), "wrong audience"},
		{"no audience", "Bearer " + signed(withClaims(func(c *Claims) { c.Audience = nil })), "required claim missing"},
		{"wrong issuer", "Bearer " + signed(withClaims(func(c *Claims) { c.Issuer = "https://evil.example" })), "wrong issuer"},
		{"typ JWT", "Bearer " + signJWT(t, jwt.SigningMethodEdDSA, key.priv, map[string]any{"kid": key.kid, "typ": "JWT"}, memberClaims()), "typ is not at+jwt"},
		{"no typ", "Bearer " + signJWT(t, jwt.SigningMethodEdDSA, key.priv, map[string]any{"kid": key.kid, "typ": nil}, memberClaims()), "typ is not at+jwt"},
		{"no kid", "Bearer " + signJWT(t, jwt.SigningMethodEdDSA, key.priv, map[string]any{"typ": TokenType}, memberClaims()), "no kid"},
		{"unknown kid", "Bearer " + signJWT(t, jwt.SigningMethodEdDSA, key.priv, map[string]any{"kid": "k9", "typ": TokenType}, memberClaims()), "unknown signing key"},
		{"refresh token as access token", "Bearer " + base64.RawURLEncoding.EncodeToString(refresh), "malformed token"},
		{"tampered signature", "Bearer " + parts[0] + "." + parts[1] + "." + string(tamperedSig), "bad signature"},
		{"tampered payload", "Bearer " + parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(escalated)) + "." + parts[2], "bad signature"},
		{"oversize header", "Bearer " + signJWT(t, jwt.SigningMethodEdDSA, key.priv, map[string]any{"kid": key.kid, "typ": TokenType, "pad": strings.Repeat("a", 5000)}, memberClaims()), "longer than 4096 bytes"},
		{"other key, same kid", "Bearer " + signJWT(t, jwt.SigningMethodEdDSA, attacker.priv, edHeader, memberClaims()), "bad signature"},
		{"attacker key embedded as jwk header", "Bearer " + signJWT(t, jwt.SigningMethodEdDSA, attacker.priv, map[string]any{"kid": key.kid, "typ": TokenType, "jwk": PublicJWK(key.kid, attacker.pub)}, memberClaims()), "bad signature"},
		{"no subject", "Bearer " + signJWT(t, jwt.SigningMethodEdDSA, key.priv, edHeader, withClaims(func(c *Claims) { c.Subject = "" })), "no subject"},
		{"unknown role", "Bearer " + signJWT(t, jwt.SigningMethodEdDSA, key.priv, edHeader, withClaims(func(c *Claims) { c.Role = "superuser" })), "unknown role"},
		{"service role for a user subject", "Bearer " + signJWT(t, jwt.SigningMethodEdDSA, key.priv, edHeader, withClaims(func(c *Claims) { c.Role = RoleService })), "service token subject"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := call(t, app, "/me", tt.authorization)
			if status != http.StatusUnauthorized {
				t.Fatalf("status = %d, want 401; body %q", status, body)
			}
			if !strings.Contains(body, tt.want) {
				t.Errorf("body = %q, want it to contain %q", body, tt.want)
			}
			if token := strings.TrimPrefix(tt.authorization, "Bearer "); len(token) > 8 && strings.Contains(body, token) {
				t.Errorf("error echoes the token: %q", body)
			}
		})
	}
}

func TestMiddlewareAcceptsValidToken(t *testing.T) {
	key := newTestKey(t, "k1")
	signer := key.signer(t)
	app := newTestApp(newTestVerifier(t, StaticKeys{key.kid: key.pub}))
	claims := memberClaims()

	for _, tt := range []struct {
		name, scheme, typ string
	}{
		{"canonical", "Bearer", TokenType},
		{"lower-case scheme", "bearer", TokenType},
		{"media type typ", "Bearer", "application/at+jwt"},
		{"upper-case typ", "Bearer", "AT+JWT"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			token := signer.mustSignWithType(t, claims, tt.typ)
			status, body := call(t, app, "/me", tt.scheme+" "+token)
			if status != http.StatusOK {
				t.Fatalf("status = %d, want 200; body %q", status, body)
			}
			var got Principal
			if err := json.Unmarshal([]byte(body), &got); err != nil {
				t.Fatal(err)
			}
			want := Principal{Subject: "user-42", OrgID: "org-7", OrgKind: OrgKindEmployer, Role: RoleMember, TokenID: "jti-1", ExpiresAt: claims.ExpiresAt.Time}
			if !got.ExpiresAt.Equal(want.ExpiresAt) {
				t.Errorf("ExpiresAt = %v, want %v", got.ExpiresAt, want.ExpiresAt)
			}
			got.ExpiresAt = want.ExpiresAt
			if got != want {
				t.Errorf("principal = %+v, want %+v", got, want)
			}
		})
	}
}

// mustSignWithType signs like Sign but with a chosen typ spelling.
func (s *Signer) mustSignWithType(t *testing.T, c Claims, typ string) string {
	t.Helper()
	return signJWT(t, jwt.SigningMethodEdDSA, s.priv, map[string]any{"kid": s.kid, "typ": typ}, c)
}

func TestRequireRole(t *testing.T) {
	key := newTestKey(t, "k1")
	signer := key.signer(t)
	app := newTestApp(newTestVerifier(t, StaticKeys{key.kid: key.pub}))

	for _, tt := range []struct {
		role string
		want int
	}{
		{RoleMember, http.StatusForbidden},
		{RoleOrgAdmin, http.StatusForbidden},
		{RoleAdmin, http.StatusOK},
	} {
		t.Run(tt.role, func(t *testing.T) {
			token, err := IssueAccessToken(signer, testIssuer, []string{testAudience}, Principal{Subject: "user-1", Role: tt.role}, time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			if status, body := call(t, app, "/admin", "Bearer "+token); status != tt.want {
				t.Errorf("status = %d, want %d; body %q", status, tt.want, body)
			}
		})
	}
}

// TestMiddlewareAcceptsEveryKnownOrgKind proves that a token naming any
// known organisation kind, observer included, verifies in every service,
// and that a kind nobody knows is still refused.
func TestMiddlewareAcceptsEveryKnownOrgKind(t *testing.T) {
	key := newTestKey(t, "k1")
	signer := key.signer(t)
	app := newTestApp(newTestVerifier(t, StaticKeys{key.kid: key.pub}))

	for _, tt := range []struct {
		kind string
		want int
	}{
		{OrgKindEmployer, http.StatusOK},
		{OrgKindProgramme, http.StatusOK},
		{OrgKindObserver, http.StatusOK},
		{"auditor", http.StatusUnauthorized},
	} {
		t.Run(tt.kind, func(t *testing.T) {
			claims := memberClaims()
			claims.OrgKind = tt.kind
			token := signer.mustSignWithType(t, claims, TokenType)
			status, body := call(t, app, "/me", "Bearer "+token)
			if status != tt.want {
				t.Fatalf("status = %d, want %d; body %q", status, tt.want, body)
			}
			if tt.want != http.StatusOK {
				return
			}
			var got Principal
			if err := json.Unmarshal([]byte(body), &got); err != nil {
				t.Fatal(err)
			}
			if got.OrgKind != tt.kind {
				t.Errorf("OrgKind = %q, want %q", got.OrgKind, tt.kind)
			}
		})
	}
}

// TestMiddlewareBindsCandidateTokens proves that a candidate's token is
// accepted only when it names exactly one candidate and no organisation,
// and that no other role can carry a candidate id.
func TestMiddlewareBindsCandidateTokens(t *testing.T) {
	key := newTestKey(t, "k1")
	signer := key.signer(t)
	app := newTestApp(newTestVerifier(t, StaticKeys{key.kid: key.pub}))

	for _, tt := range []struct {
		name                 string
		role, org, candidate string
		want                 int
	}{
		{"own candidate", RoleCandidate, "", "cand-1", http.StatusOK},
		{"no candidate", RoleCandidate, "", "", http.StatusUnauthorized},
		{"with an organisation", RoleCandidate, "org-1", "cand-1", http.StatusUnauthorized},
		{"member naming a candidate", RoleMember, "org-1", "cand-1", http.StatusUnauthorized},
	} {
		t.Run(tt.name, func(t *testing.T) {
			claims := memberClaims()
			claims.Role, claims.OrgID, claims.OrgKind, claims.CandidateID = tt.role, tt.org, "", tt.candidate
			token := signer.mustSignWithType(t, claims, TokenType)
			status, body := call(t, app, "/me", "Bearer "+token)
			if status != tt.want {
				t.Fatalf("status = %d, want %d; body %q", status, tt.want, body)
			}
			if tt.want != http.StatusOK {
				return
			}
			var got Principal
			if err := json.Unmarshal([]byte(body), &got); err != nil {
				t.Fatal(err)
			}
			if !got.IsCandidateSelf(tt.candidate) || got.IsCandidateSelf("cand-2") {
				t.Errorf("principal %+v is not bound to %q alone", got, tt.candidate)
			}
		})
	}
}
