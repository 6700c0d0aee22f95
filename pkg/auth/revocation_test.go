package auth

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// revocationVerifier returns a verifier reading a fresh revocation list in
// the test Redis, with a short cache so the test need not wait, and the
// list to write to.
func revocationVerifier(t *testing.T, key testKey, rdb redis.UniversalClient) (*Verifier, *RevocationList) {
	t.Helper()
	prefix := testkit.UniqueName(t, "revoked") + ":"
	list, err := NewRevocationList(RevocationListConfig{Redis: rdb, Prefix: prefix, Lifetime: 15 * time.Minute, CacheFor: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	// No gateway runs here to restore the list and mark it so; without
	// Redis (TestVerifierFailsClosedWithoutRedis) the mark cannot be set.
	_ = MarkRevocationsRestored(context.Background(), rdb, prefix)
	v, err := NewVerifier(VerifierConfig{Issuer: testIssuer, Audiences: []string{testAudience}, Keys: StaticKeys{key.kid: key.pub}, MaxLifetime: 15 * time.Minute, Revocations: list})
	if err != nil {
		t.Fatal(err)
	}
	return v, list
}

// TestVerifierRefusesRevokedSessionsAndUsers: a revoked session refuses
// that session's tokens only; a revoked user refuses all of theirs until
// restored; a service token is never looked up.
func TestVerifierRefusesRevokedSessionsAndUsers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	key := newTestKey(t, "k1")
	v, list := revocationVerifier(t, key, testkit.Redis(t))
	issue := func(sub, sid string) string {
		tok, err := IssueAccessToken(key.signer(t), testIssuer, []string{testAudience}, Principal{Subject: sub, Role: RoleMember, SessionID: sid}, 15*time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	verified := func(tok string) bool {
		_, err := v.Verify(ctx, tok)
		if err != nil && !errors.Is(err, errs.Unauthenticated) {
			t.Fatalf("Verify = %v, want nil or Unauthenticated", err)
		}
		return err == nil
	}
	phone, laptop, colleague := issue("u-1", "s-phone"), issue("u-1", "s-laptop"), issue("u-2", "s-other")
	if !verified(phone) || !verified(laptop) || !verified(colleague) {
		t.Fatal("fresh tokens refused")
	}
	if err := list.RevokeSessions(ctx, "s-phone"); err != nil {
		t.Fatal(err)
	}
	if verified(phone) || !verified(laptop) {
		t.Error("after revoking the phone's session: want phone refused, laptop accepted")
	}
	if err := list.RevokeUser(ctx, "u-1"); err != nil {
		t.Fatal(err)
	}
	if verified(laptop) || verified(issue("u-1", "s-new")) || !verified(colleague) {
		t.Error("after revoking the user: want every token of theirs refused, a colleague's accepted")
	}
	if err := list.RestoreUser(ctx, "u-1"); err != nil {
		t.Fatal(err)
	}
	if !verified(issue("u-1", "s-new")) || verified(phone) {
		t.Error("after restoring the user: want a new session accepted, the revoked one still refused")
	}
	svcTok, err := IssueServiceToken(key.signer(t), testIssuer, "matching", testAudience, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if err := list.RevokeUser(ctx, ServiceSubjectPrefix+"matching"); err != nil {
		t.Fatal(err)
	}
	if !verified(svcTok) {
		t.Error("a service token was checked against the revocation list")
	}
}

// TestRevocationCacheIsShort: another process's revocation (here another
// list on the same keys) reaches a verifier within its cache time.
func TestRevocationCacheIsShort(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	rdb := testkit.Redis(t)
	prefix := testkit.UniqueName(t, "revoked") + ":"
	reader, _ := NewRevocationList(RevocationListConfig{Redis: rdb, Prefix: prefix, Lifetime: time.Minute, CacheFor: 300 * time.Millisecond})
	writer, _ := NewRevocationList(RevocationListConfig{Redis: rdb, Prefix: prefix, Lifetime: time.Minute})
	if err := MarkRevocationsRestored(ctx, rdb, prefix); err != nil {
		t.Fatal(err)
	}
	if revoked, err := reader.Revoked(ctx, "s-1", "u-1"); err != nil || revoked {
		t.Fatalf("Revoked = %v, %v before any revocation", revoked, err)
	}
	if err := writer.RevokeSessions(ctx, "s-1"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(350 * time.Millisecond)
	if revoked, err := reader.Revoked(ctx, "s-1", "u-1"); err != nil || !revoked {
		t.Fatalf("Revoked = %v, %v after the cache time", revoked, err)
	}
	ttl, err := rdb.PTTL(ctx, prefix+"sid:s-1").Result()
	if err != nil || ttl <= 0 || ttl > time.Minute+DefaultLeeway {
		t.Errorf("the revocation key expires in %s (%v), want (0, lifetime+leeway]", ttl, err)
	}
}

// TestVerifierFailsClosedWithoutRedis: when the list cannot be read, a
// user token is refused as Unavailable rather than accepted unchecked.
func TestVerifierFailsClosedWithoutRedis(t *testing.T) {
	t.Parallel()
	key := newTestKey(t, "k1")
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1", MaxRetries: -1, DialTimeout: 200 * time.Millisecond})
	defer rdb.Close()
	v, _ := revocationVerifier(t, key, rdb)
	tok, err := IssueAccessToken(key.signer(t), testIssuer, []string{testAudience}, Principal{Subject: "u-1", Role: RoleMember, SessionID: "s-1"}, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Verify(context.Background(), tok); !errors.Is(err, errs.Unavailable) {
		t.Fatalf("Verify = %v, want Unavailable", err)
	}
}

// TestVerifierRefusesOverlongTokens: exp − iat longer than MaxLifetime is
// refused, as is a token without iat; exactly MaxLifetime is accepted.
func TestVerifierRefusesOverlongTokens(t *testing.T) {
	t.Parallel()
	key := newTestKey(t, "k1")
	v, err := NewVerifier(VerifierConfig{Issuer: testIssuer, Audiences: []string{testAudience}, Keys: StaticKeys{key.kid: key.pub}, MaxLifetime: 15 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	header := map[string]any{"kid": key.kid, "typ": TokenType}
	for name, tc := range map[string]struct {
		mutate func(c *Claims)
		ok     bool
	}{
		"exactly the lifetime": {func(c *Claims) { c.ExpiresAt = jwt.NewNumericDate(c.IssuedAt.Add(15 * time.Minute)) }, true},
		"a second longer":      {func(c *Claims) { c.ExpiresAt = jwt.NewNumericDate(c.IssuedAt.Add(15*time.Minute + time.Second)) }, false},
		"a year":               {func(c *Claims) { c.ExpiresAt = jwt.NewNumericDate(c.IssuedAt.Add(365 * 24 * time.Hour)) }, false},
		"no iat":               {func(c *Claims) { c.IssuedAt = nil }, false},
	} {
		c := memberClaims()
		tc.mutate(&c)
		_, err := v.Verify(context.Background(), signJWT(t, jwt.SigningMethodEdDSA, key.priv, header, c))
		if (err == nil) != tc.ok || (err != nil && !errors.Is(err, errs.Unauthenticated)) {
			t.Errorf("%s: Verify = %v, want ok=%v", name, err, tc.ok)
		}
	}
}
