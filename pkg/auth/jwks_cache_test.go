package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

// jwksServer is a stand-in gateway whose key set tests can change.
type jwksServer struct {
	*httptest.Server
	hits atomic.Int32

	mu   sync.Mutex
	keys []JWK
}

func newJWKSServer(t *testing.T, keys ...testKey) *jwksServer {
	s := &jwksServer{}
	s.publish(keys...)
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		s.mu.Lock()
		defer s.mu.Unlock()
		w.Header().Set("Content-Type", "application/jwk-set+json")
		json.NewEncoder(w).Encode(JWKS{Keys: s.keys})
	}))
	t.Cleanup(s.Close)
	return s
}

// publish replaces the served set with keys.
func (s *jwksServer) publish(keys ...testKey) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.keys = nil
	for _, k := range keys {
		s.keys = append(s.keys, PublicJWK(k.kid, k.pub))
	}
}

func newTestCache(t *testing.T, url string, clock *fakeClock) *JWKSCache {
	t.Helper()
	c, err := NewJWKSCache(JWKSCacheConfig{URL: url, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	c.now = clock.now
	return c
}

func TestJWKSCacheRotation(t *testing.T) {
	ctx := context.Background()
	oldKey, newKey := newTestKey(t, "k1"), newTestKey(t, "k2")
	srv := newJWKSServer(t, oldKey)
	clock := newFakeClock()
	cache := newTestCache(t, srv.URL, clock)
	verifier := newTestVerifier(t, cache)
	newToken, err := newKey.signer(t).Sign(memberClaims())
	if err != nil {
		t.Fatal(err)
	}

	if _, err := cache.Key(ctx, "k1"); err != nil {
		t.Fatalf("Key(k1) = %v", err)
	}
	srv.publish(oldKey, newKey)
	if _, err := verifier.Verify(ctx, newToken); !errors.Is(err, errs.Unauthenticated) {
		t.Fatalf("token with new kid accepted within MinRefresh of the last fetch: err = %v", err)
	}
	clock.advance(DefaultJWKSMinRefresh)
	if _, err := verifier.Verify(ctx, newToken); err != nil {
		t.Fatalf("token with rotated-in kid rejected after refetch: %v", err)
	}
	if got := srv.hits.Load(); got != 2 {
		t.Errorf("server hits = %d, want 2", got)
	}

	// Once the old key leaves the set and the TTL passes, it stops working.
	srv.publish(newKey)
	clock.advance(DefaultJWKSTTL)
	if _, err := cache.Key(ctx, "k1"); !errors.Is(err, ErrUnknownKey) {
		t.Errorf("retired key still served after TTL: err = %v", err)
	}
}

func TestJWKSCacheRateLimitsUnknownKids(t *testing.T) {
	ctx := context.Background()
	srv := newJWKSServer(t, newTestKey(t, "k1"))
	clock := newFakeClock()
	cache := newTestCache(t, srv.URL, clock)

	// An attacker sends a burst of made-up kids, concurrently, twice.
	for round := 1; round <= 2; round++ {
		var wg sync.WaitGroup
		for i := range 50 {
			wg.Go(func() {
				_, err := cache.Key(ctx, fmt.Sprintf("forged-%d-%d", round, i))
				if !errors.Is(err, ErrUnknownKey) || !errors.Is(err, errs.Unauthenticated) {
					t.Errorf("Key(forged) err = %v, want ErrUnknownKey", err)
				}
			})
		}
		wg.Wait()
		if got := srv.hits.Load(); got != int32(round) {
			t.Fatalf("round %d: server hits = %d, want %d (one per MinRefresh)", round, got, round)
		}
		clock.advance(DefaultJWKSMinRefresh)
	}
}

func TestJWKSCacheSurvivesGatewayOutage(t *testing.T) {
	ctx := context.Background()
	key := newTestKey(t, "k1")
	srv := newJWKSServer(t, key)
	clock := newFakeClock()
	cache := newTestCache(t, srv.URL, clock)
	if err := cache.Refresh(ctx); err != nil {
		t.Fatal(err)
	}

	srv.Close()
	clock.advance(DefaultJWKSTTL + time.Minute)
	got, err := cache.Key(ctx, "k1")
	if err != nil || !got.Equal(key.pub) {
		t.Fatalf("Key(k1) during outage = %x, %v; want the cached key", got, err)
	}
	if _, err := cache.Key(ctx, "k2"); !errors.Is(err, ErrUnknownKey) {
		t.Errorf("Key(k2) during outage err = %v, want ErrUnknownKey", err)
	}
	if err := cache.Refresh(ctx); err == nil {
		t.Error("Refresh succeeded against a closed server")
	}
}

func TestJWKSCacheFirstFetchFails(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	cache := newTestCache(t, srv.URL, newFakeClock())
	if _, err := cache.Key(context.Background(), "k1"); !errors.Is(err, ErrUnknownKey) {
		t.Errorf("err = %v, want ErrUnknownKey", err)
	}
}
