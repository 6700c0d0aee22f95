package app_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/golang-jwt/jwt/v5"
	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/servicekit"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// revocationDeadline is how soon a revocation must reach a service: the
// verifier's cache (two seconds) and a margin for a loaded machine.
const revocationDeadline = 5 * time.Second

// domainService is a service as servicekit builds one (the verifier of
// employers, candidates and matching) in front of a route that answers
// 200, so a test sees what a service makes of a token.
type domainService struct{ app *fiber.App }

// startDomainService points a service's verifier at gateway g, sharing
// its revocation list (REVOCATION_KEY_PREFIX prefix) in the test Redis.
func startDomainService(t *testing.T, g *gatewaytest.Gateway, prefix string) domainService {
	t.Helper()
	return startDomainServiceOn(t, g, prefix, testkit.Redis(t))
}

// startDomainServiceOn is startDomainService reading the list in rdb.
func startDomainServiceOn(t *testing.T, g *gatewaytest.Gateway, prefix string, rdb redis.UniversalClient) domainService {
	t.Helper()
	cfg := servicekit.Config{
		PublicURL: g.URL, GatewayURL: g.URL, APIAudience: g.Config.APIAudience,
		AccessTokenTTL: g.Config.AccessTTL, RevocationPrefix: prefix,
	}
	v, err := servicekit.NewVerifier(cfg, "candidates", rdb, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	app := fiber.New(fiber.Config{ErrorHandler: httpx.ErrorHandler(slog.New(slog.DiscardHandler))})
	app.Get("/api/v1/candidates", auth.Middleware(v), func(c *fiber.Ctx) error { return c.SendString("a record") })
	return domainService{app: app}
}

// status is what the service answers a request bearing token.
func (s domainService) status(t *testing.T, token string) int {
	t.Helper()
	status, _ := s.answer(t, token)
	return status
}

// answer is the status and content type the service answers a request
// bearing token.
func (s domainService) answer(t *testing.T, token string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, "/api/v1/candidates", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := s.app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Content-Type")
}

// refusedAfter checks that the service accepts token, runs action, and
// then refuses the token within revocationDeadline; it logs how long the
// refusal took to arrive.
func (s domainService) refusedAfter(t *testing.T, what, token string, action func()) {
	t.Helper()
	if got := s.status(t, token); got != http.StatusOK {
		t.Fatalf("%s: before, the service answered %d, want 200", what, got)
	}
	action()
	start := time.Now()
	for s.status(t, token) != http.StatusUnauthorized {
		if time.Since(start) > revocationDeadline {
			t.Errorf("%s: the service still accepts the access token %s later", what, revocationDeadline)
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("%s: refused by the service after %s", what, time.Since(start).Round(time.Millisecond))
}

// TestRevocationReachesServices: an access token issued before a logout,
// a deactivation, a removal or a role change is refused by a service's
// own verifier within seconds, not when it expires 15 minutes later; the
// member's other tokens and colleagues' tokens still work.
func TestRevocationReachesServices(t *testing.T) {
	t.Parallel()
	prefix := testkit.UniqueName(t, "revoked") + ":"
	g := gatewaytest.Start(t, map[string]string{"REVOCATION_KEY_PREFIX": prefix})
	svc := startDomainService(t, g, prefix)
	admin, _ := login(t, g, g.AdminEmail, gatewaytest.AdminPassword)
	house := newProgramme(t, g, admin, "Kortrijk house")
	join(t, g, admin, house, "coach@house.be", "org_admin")
	coach, _ := login(t, g, "coach@house.be", strongPassword)
	supervisorID := join(t, g, coach, house, "supervisor@house.be", "member")
	leaverID := join(t, g, coach, house, "leaver@house.be", "member")
	promotedID := join(t, g, coach, house, "promoted@house.be", "member")

	phone, phoneRefresh := login(t, g, "supervisor@house.be", strongPassword)
	laptop, _ := login(t, g, "supervisor@house.be", strongPassword)
	svc.refusedAfter(t, "logout", phone, func() {
		call(t, g, "POST", "/api/v1/auth/logout", "", map[string]string{"refresh_token": phoneRefresh}).expect(t, http.StatusNoContent)
	})
	if got := svc.status(t, laptop); got != http.StatusOK {
		t.Fatalf("another sign-in of the same person: %d after the phone's logout, want 200", got)
	}
	svc.refusedAfter(t, "deactivation", laptop, func() {
		call(t, g, "POST", "/api/v1/users/"+supervisorID+"/deactivation", coach, nil).expect(t, http.StatusOK)
	})
	call(t, g, "DELETE", "/api/v1/users/"+supervisorID+"/deactivation", coach, nil).expect(t, http.StatusOK)
	again, _ := login(t, g, "supervisor@house.be", strongPassword)
	if got := svc.status(t, again); got != http.StatusOK {
		t.Fatalf("a new sign-in after reactivation: %d, want 200", got)
	}
	if got := svc.status(t, laptop); got != http.StatusUnauthorized {
		t.Errorf("a session ended by the deactivation: %d after reactivation, want 401", got)
	}

	leaver, _ := login(t, g, "leaver@house.be", strongPassword)
	svc.refusedAfter(t, "removal", leaver, func() {
		call(t, g, "DELETE", "/api/v1/organisations/"+house+"/members/"+leaverID, coach, nil).expect(t, http.StatusNoContent)
	})
	promoted, _ := login(t, g, "promoted@house.be", strongPassword)
	svc.refusedAfter(t, "role change", promoted, func() {
		call(t, g, "PUT", "/api/v1/organisations/"+house+"/members/"+promotedID+"/role", coach, map[string]string{"role": "org_admin"}).expect(t, http.StatusOK)
	})
	if got := svc.status(t, coach); got != http.StatusOK {
		t.Fatalf("the org_admin who acted: %d, want 200", got)
	}
}

// TestReusedRefreshTokenRevokesAccess: when a rotated refresh token comes
// back (someone holds a copy), the access tokens of that sign-in are
// refused at the services too.
func TestReusedRefreshTokenRevokesAccess(t *testing.T) {
	t.Parallel()
	prefix := testkit.UniqueName(t, "revoked") + ":"
	g := gatewaytest.Start(t, map[string]string{"REVOCATION_KEY_PREFIX": prefix})
	svc := startDomainService(t, g, prefix)
	signupEmployer(t, g, "owner@bakery.be")
	_, stolen := login(t, g, "owner@bakery.be", strongPassword)
	rotated := call(t, g, "POST", "/api/v1/auth/refresh", "", map[string]string{"refresh_token": stolen}).expect(t, http.StatusOK)
	svc.refusedAfter(t, "reuse detection", rotated.str("access_token"), func() {
		call(t, g, "POST", "/api/v1/auth/refresh", "", map[string]string{"refresh_token": stolen}).expect(t, http.StatusUnauthorized)
	})
}

// TestOverlongTokenRefused: a token signed with the gateway's own key but
// meant to live longer than ACCESS_TOKEN_TTL is refused by the gateway and
// by a service, though its signature and every other claim are right.
func TestOverlongTokenRefused(t *testing.T) {
	t.Parallel()
	prefix := testkit.UniqueName(t, "revoked") + ":"
	g := gatewaytest.Start(t, map[string]string{"REVOCATION_KEY_PREFIX": prefix})
	svc := startDomainService(t, g, prefix)
	signupEmployer(t, g, "owner@bakery.be")
	access, _ := login(t, g, "owner@bakery.be", strongPassword)
	claims := claimsOf(t, access)
	claims.ExpiresAt = jwt.NewNumericDate(claims.IssuedAt.Add(g.Config.AccessTTL + time.Minute))
	long, err := g.Signer(t).Sign(claims)
	if err != nil {
		t.Fatal(err)
	}
	if got := svc.status(t, access); got != http.StatusOK {
		t.Fatalf("the genuine token: %d, want 200", got)
	}
	if got := svc.status(t, long); got != http.StatusUnauthorized {
		t.Errorf("a service answered %d to a token living %s, want 401", got, g.Config.AccessTTL+time.Minute)
	}
	call(t, g, "GET", "/api/v1/me", long, nil).expect(t, http.StatusUnauthorized)
}

// TestSessionLifetimes: a session whose refresh token goes unused longer
// than SESSION_IDLE_TIMEOUT cannot be refreshed, and neither can one older
// than SESSION_MAX_LIFETIME, however recently it was refreshed.
func TestSessionLifetimes(t *testing.T) {
	t.Parallel()
	const idle, total = 3 * time.Second, 6 * time.Second
	g := gatewaytest.Start(t, map[string]string{"SESSION_IDLE_TIMEOUT": idle.String(), "SESSION_MAX_LIFETIME": total.String()})
	signupEmployer(t, g, "owner@bakery.be")
	refresh := func(token string) apiResponse {
		return call(t, g, "POST", "/api/v1/auth/refresh", "", map[string]string{"refresh_token": token})
	}

	t.Run("idle", func(t *testing.T) {
		t.Parallel()
		_, token := login(t, g, "owner@bakery.be", strongPassword)
		time.Sleep(idle + 300*time.Millisecond)
		if r := refresh(token); r.Status != http.StatusUnauthorized {
			t.Fatalf("refresh after %s unused: %d, want 401", idle, r.Status)
		}
	})
	t.Run("total", func(t *testing.T) {
		t.Parallel()
		_, token := login(t, g, "owner@bakery.be", strongPassword)
		signedIn := time.Now() // the session began before this
		// Refreshed every two seconds, well within the idle limit.
		for time.Since(signedIn) < total-2*time.Second {
			time.Sleep(2 * time.Second)
			token = refresh(token).expect(t, http.StatusOK).str("refresh_token")
		}
		time.Sleep(time.Until(signedIn.Add(total + 300*time.Millisecond)))
		if r := refresh(token); r.Status != http.StatusUnauthorized {
			t.Fatalf("refresh of a session older than %s: %d, want 401", total, r.Status)
		}
	})
}

// claimsOf reads a token's payload without verifying it.
func claimsOf(t *testing.T, token string) auth.Claims {
	t.Helper()
	var c auth.Claims
	if _, _, err := jwt.NewParser().ParseUnverified(token, &c); err != nil {
		t.Fatal(err)
	}
	return c
}
