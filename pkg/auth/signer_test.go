package auth

import (
	"context"
	"crypto/ed25519"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func TestNewSignerRejectsBadInput(t *testing.T) {
	key := newTestKey(t, "k1")
	if _, err := NewSigner("", key.priv); err == nil {
		t.Error("empty kid accepted")
	}
	if _, err := NewSigner("k1", ed25519.PrivateKey(key.pub)); err == nil {
		t.Error("public key accepted as private key")
	}
}

func TestSignSetsHeaderAndRefusesBadClaims(t *testing.T) {
	signer := newTestKey(t, "k1").signer(t)
	token, err := signer.Sign(memberClaims())
	if err != nil {
		t.Fatal(err)
	}
	parsed, _, err := jwt.NewParser().ParseUnverified(token, &Claims{})
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"alg": "EdDSA", "typ": "at+jwt", "kid": "k1"} {
		if got := parsed.Header[name]; got != want {
			t.Errorf("header %s = %v, want %s", name, got, want)
		}
	}

	noExp := memberClaims()
	noExp.ExpiresAt = nil
	badRole := memberClaims()
	badRole.Role = "root"
	for name, c := range map[string]Claims{"no exp": noExp, "bad role": badRole} {
		if _, err := signer.Sign(c); err == nil {
			t.Errorf("%s: Sign succeeded, want an error", name)
		}
	}
}

func TestIssueServiceToken(t *testing.T) {
	key := newTestKey(t, "k1")
	signer := key.signer(t)
	if _, err := IssueServiceToken(signer, testIssuer, "candidates", "matching", 6*time.Minute); err == nil {
		t.Error("ttl over MaxServiceTokenTTL accepted")
	}
	token, err := IssueServiceToken(signer, testIssuer, "candidates", "matching", time.Minute)
	if err != nil {
		t.Fatal(err)
	}

	// The target service accepts it; a service verifying only the public
	// audience does not.
	claims, err := newTestVerifier(t, StaticKeys{key.kid: key.pub}, testAudience, "matching").Verify(context.Background(), token)
	if err != nil {
		t.Fatal(err)
	}
	p := claims.Principal()
	if !p.IsService() || p.ServiceName() != "candidates" || p.Subject != "service:candidates" || p.IsAdmin() {
		t.Errorf("principal = %+v, want service candidates", p)
	}
	if _, err := newTestVerifier(t, StaticKeys{key.kid: key.pub}).Verify(context.Background(), token); err == nil ||
		!strings.Contains(err.Error(), "wrong audience") {
		t.Errorf("service token for matching accepted by another audience: err = %v", err)
	}
}
