package app_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// restoreDeadline is how long after Redis is back every revocation must be
// in force again: the restore loop's interval (200 ms here), the
// verifiers' cache and a margin for a loaded machine.
const restoreDeadline = 15 * time.Second

// TestRevocationsSurviveRedisRestart: a logout and a deactivation made
// before Redis restarts empty still refuse the old access tokens
// afterwards, at the gateway and at a service. Between the restart and
// the gateway's restore the tokens get 503, never 200; a token never
// revoked and a fresh sign-in work again once Redis is back.
func TestRevocationsSurviveRedisRestart(t *testing.T) {
	t.Parallel()
	own := testkit.StartOwnRedis(t)
	g := gatewaytest.Start(t, map[string]string{"REDIS_URL": own.URL, "REVOCATION_RESTORE_INTERVAL": "200ms"})
	opts, _ := redis.ParseURL(own.URL)
	rdb := redis.NewClient(opts)
	t.Cleanup(func() { _ = rdb.Close() })
	svc := startDomainServiceOn(t, g, auth.DefaultRevocationPrefix, rdb)

	signupEmployer(t, g, "owner@hoek.be")
	phone, phoneRefresh := login(t, g, "owner@hoek.be", strongPassword)
	laptop, _ := login(t, g, "owner@hoek.be", strongPassword)
	admin, _ := login(t, g, g.AdminEmail, gatewaytest.AdminPassword)
	house := newProgramme(t, g, admin, "Kortrijk house")
	join(t, g, admin, house, "coach@house.be", "org_admin")
	coach, _ := login(t, g, "coach@house.be", strongPassword)
	memberID := join(t, g, coach, house, "member@house.be", "member")
	member, _ := login(t, g, "member@house.be", strongPassword)

	svc.refusedAfter(t, "logout", phone, func() {
		call(t, g, "POST", "/api/v1/auth/logout", "", map[string]string{"refresh_token": phoneRefresh}).expect(t, http.StatusNoContent)
	})
	svc.refusedAfter(t, "deactivation", member, func() {
		call(t, g, "POST", "/api/v1/users/"+memberID+"/deactivation", coach, nil).expect(t, http.StatusOK)
	})
	call(t, g, "GET", "/api/v1/me", phone, nil).expect(t, http.StatusUnauthorized)

	own.Stop()
	r := call(t, g, "GET", "/api/v1/me", phone, nil)
	checkNotAccepted(t, "gateway", "logged out (Redis down)", r.Status, r.Header.Get("Content-Type"))
	if r := call(t, g, "GET", "/api/v1/me", laptop, nil); r.Status != http.StatusServiceUnavailable || !r.isProblem() {
		t.Fatalf("with Redis down the gateway answered %d to a token it cannot check: %s", r.Status, r.Raw)
	}
	own.Start(t)

	awaitRefusedAfterRestart(t, g, svc, map[string]string{"logged out": phone, "deactivated": member})
	awaitAccepted(t, svc, "never revoked", laptop)
	fresh, _ := login(t, g, "owner@hoek.be", strongPassword)
	call(t, g, "GET", "/api/v1/me", fresh, nil).expect(t, http.StatusOK)
	if got := svc.status(t, fresh); got != http.StatusOK {
		t.Errorf("a fresh sign-in after the restart: the service answered %d, want 200", got)
	}
}

// awaitRefusedAfterRestart polls the gateway (for the logged-out token,
// whose refusal rests on the revocation list alone) and the service with
// every token until all are refused with 401, and for at least as long as
// the verifiers may answer from their caches, so that the last answers
// come from Redis; any 200 fails the test, and a 503 must be a problem.
func awaitRefusedAfterRestart(t *testing.T, g *gatewaytest.Gateway, svc domainService, tokens map[string]string) {
	t.Helper()
	start := time.Now()
	cached := start.Add(auth.DefaultRevocationCache + 500*time.Millisecond)
	for {
		refused := true
		for what, token := range tokens {
			status, contentType := svc.answer(t, token)
			checkNotAccepted(t, "service", what, status, contentType)
			refused = refused && status == http.StatusUnauthorized
		}
		r := call(t, g, "GET", "/api/v1/me", tokens["logged out"], nil)
		checkNotAccepted(t, "gateway", "logged out", r.Status, r.Header.Get("Content-Type"))
		refused = refused && r.Status == http.StatusUnauthorized
		if refused && time.Now().After(cached) {
			return
		}
		if time.Since(start) > restoreDeadline {
			t.Fatalf("revoked tokens still not refused with 401 %s after Redis came back", restoreDeadline)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// checkNotAccepted fails the test unless status is a 401 or a 503 problem.
func checkNotAccepted(t *testing.T, who, what string, status int, contentType string) {
	t.Helper()
	switch {
	case status == http.StatusUnauthorized:
	case status == http.StatusServiceUnavailable && contentType == "application/problem+json":
	default:
		t.Fatalf("the %s answered %d (%s) to the %s token after Redis restarted, want 401 or a 503 problem", who, status, contentType, what)
	}
}

// awaitAccepted waits until the service accepts token again.
func awaitAccepted(t *testing.T, svc domainService, what, token string) {
	t.Helper()
	start := time.Now()
	for svc.status(t, token) != http.StatusOK {
		if time.Since(start) > restoreDeadline {
			t.Fatalf("the %s token is still refused %s after Redis came back", what, restoreDeadline)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestUserTokensWaitForTheRestore: after Redis restarts empty, and for as
// long as no gateway has restored the revocation list (here the restore
// loop is too slow to run during the test), a user token the verifiers
// have not cached is answered 503, a problem, rather than let through
// unchecked; a service's verifier does the same.
func TestUserTokensWaitForTheRestore(t *testing.T) {
	t.Parallel()
	own := testkit.StartOwnRedis(t)
	g := gatewaytest.Start(t, map[string]string{"REDIS_URL": own.URL, "REVOCATION_RESTORE_INTERVAL": "1h"})
	opts, _ := redis.ParseURL(own.URL)
	rdb := redis.NewClient(opts)
	t.Cleanup(func() { _ = rdb.Close() })
	svc := startDomainServiceOn(t, g, auth.DefaultRevocationPrefix, rdb)
	signupEmployer(t, g, "owner@hoek.be")
	access, _ := login(t, g, "owner@hoek.be", strongPassword)

	own.Stop()
	own.Start(t)
	if r := call(t, g, "GET", "/api/v1/me", access, nil); r.Status != http.StatusServiceUnavailable || !r.isProblem() {
		t.Errorf("before the restore the gateway answered %d: %s", r.Status, r.Raw)
	}
	if status, contentType := svc.answer(t, access); status != http.StatusServiceUnavailable || contentType != "application/problem+json" {
		t.Errorf("before the restore the service answered %d (%s), want a 503 problem", status, contentType)
	}
}
