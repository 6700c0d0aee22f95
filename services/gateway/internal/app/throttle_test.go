package app_test

import (
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

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
		"LOGIN_ACCOUNT_LIMIT": "3", "LOGIN_IP_LIMIT": "100", "LOGIN_DELAY": "1m",
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

// TestParallelGuessesAreCountedBeforeTheCheck fires 30 wrong passwords at
// one account at once: only the limit of them may be evaluated, the right
// password right after is refused too, and from then on every further
// evaluated attempt doubles the wait, which the owner can sit out.
func TestParallelGuessesAreCountedBeforeTheCheck(t *testing.T) {
	t.Parallel()
	const limit = 3
	g := gatewaytest.Start(t, map[string]string{
		"LOGIN_ACCOUNT_LIMIT": strconv.Itoa(limit), "LOGIN_IP_LIMIT": "1000", "LOGIN_DELAY": "1m", "LOGIN_DELAY_MAX": "10m",
	})
	signupEmployer(t, g, "owner@roastery.be")
	before := g.PasswordChecks()
	wrong := map[string]string{"email": "owner@roastery.be", "password": "not-the-password-at-all"}
	right := map[string]string{"email": "owner@roastery.be", "password": strongPassword}

	statuses := make([]int, 30)
	var wg sync.WaitGroup
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := call(t, g, "POST", "/api/v1/auth/login", "", wrong)
			if r.Status == http.StatusTooManyRequests && (r.Header.Get("Retry-After") == "" || !r.isProblem()) {
				t.Errorf("429 without Retry-After or problem+json: %s", r.Raw)
			}
			statuses[i] = r.Status
		}()
	}
	wg.Wait()
	evaluated := g.PasswordChecks() - before
	counts := map[int]int{}
	for _, s := range statuses {
		counts[s]++
	}
	if evaluated > limit || counts[http.StatusUnauthorized] != int(evaluated) || counts[http.StatusTooManyRequests] != 30-int(evaluated) {
		t.Fatalf("30 parallel guesses: %d passwords evaluated (limit %d), answers %v", evaluated, limit, counts)
	}
	// The right password is not even evaluated now.
	wait := retryAfter(t, call(t, g, "POST", "/api/v1/auth/login", "", right).expect(t, http.StatusTooManyRequests))
	if g.PasswordChecks()-before != evaluated {
		t.Fatal("a password was evaluated during the delay")
	}
	// After the wait one more guess is evaluated, and the next wait doubles.
	g.Advance(wait)
	call(t, g, "POST", "/api/v1/auth/login", "", wrong).expect(t, http.StatusUnauthorized)
	next := retryAfter(t, call(t, g, "POST", "/api/v1/auth/login", "", right).expect(t, http.StatusTooManyRequests))
	if next < 2*time.Minute-time.Second {
		t.Fatalf("the wait did not grow: %s after %s", next, wait)
	}
	// The owner gets in after the delay, and that clears the failures.
	g.Advance(next)
	login(t, g, "owner@roastery.be", strongPassword)
	for range limit {
		call(t, g, "POST", "/api/v1/auth/login", "", wrong).expect(t, http.StatusUnauthorized)
	}
}

// TestSignInsDoNotCountAgainstTheAddress signs in more often than the
// per-address limit from one address: successes are not counted, failures
// are.
func TestSignInsDoNotCountAgainstTheAddress(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, map[string]string{"LOGIN_IP_LIMIT": "3", "LOGIN_ACCOUNT_LIMIT": "100"})
	signupEmployer(t, g, "staff@house.be")
	for range 6 {
		login(t, g, "staff@house.be", strongPassword)
	}
	for range 3 {
		call(t, g, "POST", "/api/v1/auth/login", "", map[string]string{"email": "staff@house.be", "password": "a-wrong-guess-9876"}).expect(t, http.StatusUnauthorized)
	}
	call(t, g, "POST", "/api/v1/auth/login", "", map[string]string{"email": "staff@house.be", "password": strongPassword}).expect(t, http.StatusTooManyRequests)
}

// retryAfter reads a 429's Retry-After header.
func retryAfter(t *testing.T, r apiResponse) time.Duration {
	t.Helper()
	secs, err := strconv.Atoi(r.Header.Get("Retry-After"))
	if err != nil || secs < 1 || !r.isProblem() {
		t.Fatalf("429 answer: Retry-After %q, %s", r.Header.Get("Retry-After"), r.Raw)
	}
	return time.Duration(secs) * time.Second
}
