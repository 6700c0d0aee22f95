package app_test

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/onward-jobs/onward/pkg/sealed"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// TestLoginThrottleAcrossReplicas runs two gateways on one database and one
// Redis, as two replicas would, and shows the per-account limit is shared.
func TestLoginThrottleAcrossReplicas(t *testing.T) {
	t.Parallel()
	// Replicas share the database, the key-encryption key and the issuer.
	env := map[string]string{
		"MONGO_DB": testkit.UniqueName(t, "gw"), "ONWARD_KEY_ENCRYPTION_KEY": sealed.NewKey(), "ONWARD_PUBLIC_URL": "https://onward.test",
		"LOGIN_ACCOUNT_LIMIT": "3", "LOGIN_IP_LIMIT": "100",
	}
	a := gatewaytest.Start(t, env)
	b := gatewaytest.Start(t, env)
	signupEmployer(t, a, "owner@garden.be")
	wrong := map[string]string{"email": "owner@garden.be", "password": "not-the-password-at-all"}
	call(t, a, "POST", "/api/v1/auth/login", "", wrong).expect(t, http.StatusUnauthorized)
	call(t, b, "POST", "/api/v1/auth/login", "", wrong).expect(t, http.StatusUnauthorized)
	call(t, a, "POST", "/api/v1/auth/login", "", wrong).expect(t, http.StatusUnauthorized)
	// The fourth attempt is refused on the other replica, even with the
	// right password, and says when to come back.
	r := call(t, b, "POST", "/api/v1/auth/login", "", map[string]string{"email": "owner@garden.be", "password": strongPassword}).expect(t, http.StatusTooManyRequests)
	if secs, err := strconv.Atoi(r.Header.Get("Retry-After")); err != nil || secs < 1 || secs > 15*60 || !r.isProblem() {
		t.Fatalf("429 answer: Retry-After %q, %s", r.Header.Get("Retry-After"), r.Raw)
	}
	// Other accounts are not locked out by it.
	signupEmployer(t, b, "other@garden.be")
	login(t, a, "other@garden.be", strongPassword)
}

// TestLoginThrottlePerAddress limits attempts from one client address
// whatever account they target.
func TestLoginThrottlePerAddress(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, map[string]string{"LOGIN_IP_LIMIT": "4", "LOGIN_ACCOUNT_LIMIT": "100"})
	for i := range 4 {
		call(t, g, "POST", "/api/v1/auth/login", "", map[string]string{"email": "nobody" + strconv.Itoa(i) + "@x.be", "password": "whatever-it-is-123"}).expect(t, http.StatusUnauthorized)
	}
	call(t, g, "POST", "/api/v1/auth/login", "", map[string]string{"email": "someone@x.be", "password": "whatever-it-is-123"}).expect(t, http.StatusTooManyRequests)
}
