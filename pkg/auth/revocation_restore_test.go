package auth

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// memoryRevocations is a RevocationStore in memory, standing in for the
// gateway's database.
type memoryRevocations struct {
	mu      sync.Mutex
	entries map[[2]string]time.Time
}

func newMemoryRevocations() *memoryRevocations {
	return &memoryRevocations{entries: map[[2]string]time.Time{}}
}

func (m *memoryRevocations) SaveRevocations(_ context.Context, revocations []Revocation) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, r := range revocations {
		m.entries[[2]string{string(r.Kind), r.ID}] = r.ExpiresAt
	}
	return nil
}

func (m *memoryRevocations) DeleteRevocation(_ context.Context, kind RevocationKind, id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.entries, [2]string{string(kind), id})
	return nil
}

func (m *memoryRevocations) ActiveRevocations(_ context.Context, now time.Time) ([]Revocation, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []Revocation
	for k, exp := range m.entries {
		if exp.After(now) {
			out = append(out, Revocation{Kind: RevocationKind(k[0]), ID: k[1], ExpiresAt: exp})
		}
	}
	return out, nil
}

// TestRevokedRefusesUntilRestored: a list whose Redis has never been
// restored (no marker) answers an error, never "not revoked", so that a
// Redis that came back empty cannot let a revoked token through; a
// verifier turns that into Unavailable. The error is not cached.
func TestRevokedRefusesUntilRestored(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	rdb := testkit.Redis(t)
	prefix := testkit.UniqueName(t, "revoked") + ":"
	list, err := NewRevocationList(RevocationListConfig{Redis: rdb, Prefix: prefix, Lifetime: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if revoked, err := list.Revoked(ctx, "s-1", "u-1"); !errors.Is(err, ErrRevocationsNotRestored) || revoked {
		t.Fatalf("Revoked without the marker = %v, %v; want an ErrRevocationsNotRestored", revoked, err)
	}
	key := newTestKey(t, "k1")
	v, err := NewVerifier(VerifierConfig{Issuer: testIssuer, Audiences: []string{testAudience}, Keys: StaticKeys{key.kid: key.pub}, Revocations: list})
	if err != nil {
		t.Fatal(err)
	}
	tok, err := IssueAccessToken(key.signer(t), testIssuer, []string{testAudience}, Principal{Subject: "u-1", Role: RoleMember, SessionID: "s-1"}, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Verify(ctx, tok); !errors.Is(err, errs.Unavailable) {
		t.Fatalf("Verify without the marker = %v, want Unavailable", err)
	}
	if err := MarkRevocationsRestored(ctx, rdb, prefix); err != nil {
		t.Fatal(err)
	}
	if _, err := v.Verify(ctx, tok); err != nil {
		t.Fatalf("Verify right after the marker was set = %v, want nil (no error cached)", err)
	}
}

// TestRestoreAfterRedisLoss: revocations written through a list with a
// durable store come back after Redis loses them, each with the time it
// had left, and a user restored before the loss stays restored. Until the
// restore the list refuses to answer; a second restore does nothing.
func TestRestoreAfterRedisLoss(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	rdb := testkit.Redis(t)
	prefix := testkit.UniqueName(t, "revoked") + ":"
	store := newMemoryRevocations()
	list, err := NewRevocationList(RevocationListConfig{Redis: rdb, Prefix: prefix, Lifetime: time.Minute, CacheFor: time.Millisecond, Store: store})
	if err != nil {
		t.Fatal(err)
	}
	if _, lost, err := list.RestoreIfLost(ctx); err != nil || !lost {
		t.Fatalf("first restore = lost %v, %v; want lost (no marker yet)", lost, err)
	}
	if err := list.RevokeSessions(ctx, "s-1", "s-2"); err != nil {
		t.Fatal(err)
	}
	if err := list.RevokeUser(ctx, "u-gone"); err != nil {
		t.Fatal(err)
	}
	if err := list.RevokeUser(ctx, "u-back"); err != nil {
		t.Fatal(err)
	}
	if err := list.RestoreUser(ctx, "u-back"); err != nil {
		t.Fatal(err)
	}
	// An entry whose time is up is not written back.
	_ = store.SaveRevocations(ctx, []Revocation{{Kind: SessionRevocation, ID: "s-old", ExpiresAt: time.Now().Add(-time.Second)}})
	time.Sleep(1100 * time.Millisecond) // so the remaining time is visibly less than the lifetime

	keys := []string{prefix + "sid:s-1", prefix + "sid:s-2", prefix + "user:u-gone", prefix + "user:u-back", prefix + "sid:s-old", prefix + "restored"}
	if err := rdb.Del(ctx, keys...).Err(); err != nil {
		t.Fatal(err)
	}
	if _, err := list.Revoked(ctx, "s-1", "u-1"); !errors.Is(err, ErrRevocationsNotRestored) {
		t.Fatalf("Revoked after the loss = %v, want ErrRevocationsNotRestored", err)
	}
	n, lost, err := list.RestoreIfLost(ctx)
	if err != nil || !lost || n != 3 {
		t.Fatalf("restore = %d, lost %v, %v; want 3 restored", n, lost, err)
	}
	keep := time.Minute + DefaultLeeway
	for _, key := range keys[:3] {
		ttl, err := rdb.PTTL(ctx, key).Result()
		if err != nil || ttl <= keep-5*time.Second || ttl > keep-time.Second {
			t.Errorf("%s expires in %s (%v), want its remaining time, a little under %s", key, ttl, err, keep-time.Second)
		}
	}
	for _, key := range keys[3:5] {
		if n, _ := rdb.Exists(ctx, key).Result(); n != 0 {
			t.Errorf("%s was restored, want it left out", key)
		}
	}
	for _, tc := range []struct {
		sid, user string
		want      bool
	}{{"s-1", "u-1", true}, {"s-9", "u-gone", true}, {"s-9", "u-back", false}} {
		if revoked, err := list.Revoked(ctx, tc.sid, tc.user); err != nil || revoked != tc.want {
			t.Errorf("Revoked(%s, %s) after the restore = %v, %v; want %v", tc.sid, tc.user, revoked, err, tc.want)
		}
	}
	if n, lost, err := list.RestoreIfLost(ctx); err != nil || lost || n != 0 {
		t.Errorf("second restore = %d, lost %v, %v; want nothing done", n, lost, err)
	}
}

// TestRestoreNeedsAStore: a reading list (a service's) cannot restore.
func TestRestoreNeedsAStore(t *testing.T) {
	t.Parallel()
	list, err := NewRevocationList(RevocationListConfig{Redis: testkit.Redis(t), Prefix: testkit.UniqueName(t, "revoked") + ":", Lifetime: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := list.RestoreIfLost(context.Background()); err == nil {
		t.Error("RestoreIfLost without a store succeeded")
	}
}
