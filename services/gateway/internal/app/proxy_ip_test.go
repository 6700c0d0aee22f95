package app_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"testing"

	"github.com/onward-jobs/onward/services/gateway/internal/app"
	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// loginFrom tries a sign-in with a wrong password, claiming in
// X-Forwarded-For to come from forwardedFor, and returns the status.
func loginFrom(t *testing.T, g *gatewaytest.Gateway, forwardedFor string, attempt int) int {
	t.Helper()
	raw, _ := json.Marshal(map[string]string{"email": "nobody" + strconv.Itoa(attempt) + "@x.be", "password": "whatever-it-is-123"})
	req, _ := http.NewRequest("POST", g.URL+"/api/v1/auth/login", bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Forwarded-For", forwardedFor)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// TestThrottleIgnoresForwardedForFromUntrustedPeers: a client that is not
// a trusted proxy cannot dodge the per-address limit by sending a new
// X-Forwarded-For with each attempt, whether no proxy is trusted (the
// default) or another one is.
func TestThrottleIgnoresForwardedForFromUntrustedPeers(t *testing.T) {
	t.Parallel()
	for _, trusted := range []string{"", "10.0.0.0/8"} {
		g := gatewaytest.Start(t, map[string]string{"LOGIN_IP_LIMIT": "3", "LOGIN_ACCOUNT_LIMIT": "100", "TRUSTED_PROXIES": trusted})
		for i := range 3 {
			if got := loginFrom(t, g, "203.0.113."+strconv.Itoa(i+1), i); got != http.StatusUnauthorized {
				t.Fatalf("trusted %q: attempt %d answered %d", trusted, i, got)
			}
		}
		if got := loginFrom(t, g, "198.51.100.9", 9); got != http.StatusTooManyRequests {
			t.Fatalf("trusted %q: a spoofed X-Forwarded-For dodged the throttle (%d)", trusted, got)
		}
	}
}

// TestThrottleSeesBrowsersBehindTrustedProxy: behind a trusted proxy (the
// web server signing browsers in), each browser's address is throttled on
// its own, so one busy browser does not lock the others out.
func TestThrottleSeesBrowsersBehindTrustedProxy(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, map[string]string{"LOGIN_IP_LIMIT": "3", "LOGIN_ACCOUNT_LIMIT": "100", "TRUSTED_PROXIES": "127.0.0.1, ::1"})
	for i := range 3 {
		if got := loginFrom(t, g, "203.0.113.7", i); got != http.StatusUnauthorized {
			t.Fatalf("attempt %d answered %d", i, got)
		}
	}
	if got := loginFrom(t, g, "203.0.113.7", 3); got != http.StatusTooManyRequests {
		t.Fatalf("the busy browser's fourth attempt answered %d", got)
	}
	if got := loginFrom(t, g, "198.51.100.9", 4); got != http.StatusUnauthorized {
		t.Fatalf("another browser behind the same proxy was throttled (%d)", got)
	}
}

// TestTrustedProxiesMustParse: a malformed entry stops the start rather
// than being ignored.
func TestTrustedProxiesMustParse(t *testing.T) {
	t.Parallel()
	base := map[string]string{"MONGO_URI": "mongodb://x", "REDIS_URL": "redis://x", "ONWARD_SERVICE_SECRET": "0123456789abcdef0123456789abcdef", "ONWARD_KEY_ENCRYPTION_KEY": "k"}
	for value, ok := range map[string]bool{"": true, "10.0.0.1": true, "10.0.0.0/8, fd00::/8": true, "web": false, "10.0.0.0/33": false} {
		base["TRUSTED_PROXIES"] = value
		if _, err := app.LoadConfig(base); (err == nil) != ok {
			t.Errorf("TRUSTED_PROXIES=%q: %v, want ok=%v", value, err, ok)
		}
	}
}

// TestLogoutRevokesOnlyThatSignIn: logout with the latest refresh token
// of a sign-in revokes that sign-in's tokens, and another device's
// sign-in lives on.
func TestLogoutRevokesOnlyThatSignIn(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	signupEmployer(t, g, "ana@hoek.be")
	_, phone := login(t, g, "ana@hoek.be", strongPassword)
	_, laptop := login(t, g, "ana@hoek.be", strongPassword)
	rotated := call(t, g, "POST", "/api/v1/auth/refresh", "", map[string]string{"refresh_token": phone}).expect(t, http.StatusOK).str("refresh_token")
	call(t, g, "POST", "/api/v1/auth/logout", "", map[string]string{"refresh_token": rotated}).expect(t, http.StatusNoContent)
	call(t, g, "POST", "/api/v1/auth/refresh", "", map[string]string{"refresh_token": rotated}).expect(t, http.StatusUnauthorized)
	call(t, g, "POST", "/api/v1/auth/refresh", "", map[string]string{"refresh_token": laptop}).expect(t, http.StatusOK)
	call(t, g, "POST", "/api/v1/auth/logout", "", map[string]string{"refresh_token": "never-issued"}).expect(t, http.StatusNoContent)
	call(t, g, "POST", "/api/v1/auth/logout", "", map[string]string{}).expect(t, http.StatusBadRequest)
}
