package app_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// TestSignInWithRedisDownIs503: the sign-in throttle lives in Redis, so
// with Redis stopped sign-in cannot be judged; the answer is a 503
// problem (try again later), not a 500, and says nothing of the cause.
func TestSignInWithRedisDownIs503(t *testing.T) {
	t.Parallel()
	rdb := testkit.StartOwnRedis(t)
	g := gatewaytest.Start(t, map[string]string{"REDIS_URL": rdb.URL})
	signupEmployer(t, g, "owner@redis-down.be")
	rdb.Stop()
	r := call(t, g, "POST", "/api/v1/auth/login", "", map[string]string{"email": "owner@redis-down.be", "password": strongPassword})
	if r.Status != http.StatusServiceUnavailable || !r.isProblem() {
		t.Fatalf("sign-in with Redis down answered %d: %s", r.Status, r.Raw)
	}
	if strings.Contains(r.Raw, "127.0.0.1") || strings.Contains(strings.ToLower(r.Raw), "redis") {
		t.Errorf("the 503 names the cause: %s", r.Raw)
	}
}
