package app_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// TestSessionLifecycle walks sign-up, sign-in, refresh, reuse detection and
// logout as a client would.
func TestSessionLifecycle(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	orgID := signupEmployer(t, g, "ana@cafe-dehoek.be")

	r := call(t, g, "POST", "/api/v1/auth/login", "", map[string]string{"email": "Ana@Cafe-DeHoek.be ", "password": strongPassword}).expect(t, http.StatusOK)
	if r.str("token_type") != "Bearer" || r.Body["expires_in"] != float64(900) || r.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("login answer: %s", r.Raw)
	}
	access, refresh1 := r.str("access_token"), r.str("refresh_token")

	me := call(t, g, "GET", "/api/v1/me", access, nil).expect(t, http.StatusOK)
	if me.str("role") != "org_admin" || me.str("organisation.id") != orgID || me.str("organisation.kind") != "employer" || me.str("user.email") != "ana@cafe-dehoek.be" {
		t.Fatalf("me: %s", me.Raw)
	}

	r = call(t, g, "POST", "/api/v1/auth/refresh", "", map[string]string{"refresh_token": refresh1}).expect(t, http.StatusOK)
	access2, refresh2 := r.str("access_token"), r.str("refresh_token")
	if refresh2 == refresh1 || access2 == "" {
		t.Fatal("refresh must rotate the refresh token")
	}
	call(t, g, "GET", "/api/v1/me", access2, nil).expect(t, http.StatusOK)

	// Reusing the rotated token means it leaked: the whole family dies,
	// including the token the legitimate client holds now.
	reuse := call(t, g, "POST", "/api/v1/auth/refresh", "", map[string]string{"refresh_token": refresh1}).expect(t, http.StatusUnauthorized)
	if !reuse.isProblem() || !strings.Contains(reuse.str("detail"), "reused") {
		t.Fatalf("reuse answer: %s", reuse.Raw)
	}
	call(t, g, "POST", "/api/v1/auth/refresh", "", map[string]string{"refresh_token": refresh2}).expect(t, http.StatusUnauthorized)

	// A new sign-in starts a new family; logout revokes it.
	_, refresh3 := login(t, g, "ana@cafe-dehoek.be", strongPassword)
	call(t, g, "POST", "/api/v1/auth/logout", "", map[string]string{"refresh_token": refresh3}).expect(t, http.StatusNoContent)
	call(t, g, "POST", "/api/v1/auth/refresh", "", map[string]string{"refresh_token": refresh3}).expect(t, http.StatusUnauthorized)

	for _, secret := range []string{"ana@cafe-dehoek.be", strongPassword, refresh1, "Ana Peeters"} {
		if g.Contains(secret) {
			t.Fatalf("the gateway logged personal data or a secret (%q)", secret[:4])
		}
	}
}

// TestOversizeBody uses a small limit so the whole body fits in the socket
// buffers: the server answers 413 without reading it, and a body larger than
// the buffers could meet a reset before the answer is read.
func TestOversizeBody(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, map[string]string{"HTTP_BODY_LIMIT": "4096"})
	big := `{"organisation_name":"` + strings.Repeat("x", 16<<10) + `"}`
	r := call(t, g, "POST", "/api/v1/auth/signup", "", big).expect(t, http.StatusRequestEntityTooLarge)
	if !r.isProblem() {
		t.Fatalf("413 answer: %s", r.Raw)
	}
}

func TestSignupValidation(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	r := call(t, g, "POST", "/api/v1/auth/signup", "", map[string]string{"organisation_name": "", "name": "Bo", "email": "not-an-email", "password": "short"}).expect(t, http.StatusBadRequest)
	got := strings.Join(r.fieldErrors(), ",")
	for _, f := range []string{"organisation_name", "email", "password"} {
		if !strings.Contains(got, f) {
			t.Errorf("problem does not name %s: %s", f, r.Raw)
		}
	}
	// Rules beyond the request's shape are reported together too.
	both := call(t, g, "POST", "/api/v1/auth/signup", "", map[string]string{"organisation_name": "   ", "name": "Bo", "email": "bo@garden.be", "password": "password1234"}).expect(t, http.StatusBadRequest)
	if strings.Join(both.fieldErrors(), ",") != "organisation_name,password" {
		t.Fatalf("want organisation_name and password named together: %s", both.Raw)
	}
	weak := call(t, g, "POST", "/api/v1/auth/signup", "", map[string]string{"organisation_name": "Garden Co", "name": "Bo", "email": "bo@garden.be", "password": "password1234"}).expect(t, http.StatusBadRequest)
	if strings.Join(weak.fieldErrors(), ",") != "password" || !strings.Contains(weak.Raw, "common") {
		t.Fatalf("common password: %s", weak.Raw)
	}
	unknown := call(t, g, "POST", "/api/v1/auth/signup", "", `{"organisation_name":"X","name":"Y","email":"y@x.be","password":"`+strongPassword+`","role":"admin"}`).expect(t, http.StatusBadRequest)
	if strings.Join(unknown.fieldErrors(), ",") != "role" {
		t.Fatalf("unknown field: %s", unknown.Raw)
	}
	signupEmployer(t, g, "dup@garden.be")
	// A taken address answers like a new one (see enumeration_test.go).
	call(t, g, "POST", "/api/v1/auth/signup", "", map[string]string{"organisation_name": "Garden Co", "name": "Bo", "email": "DUP@garden.be", "password": strongPassword}).expect(t, http.StatusAccepted)
	call(t, g, "POST", "/api/v1/auth/login", "", `{"email":`).expect(t, http.StatusBadRequest)
	call(t, g, "GET", "/api/v1/me", "", nil).expect(t, http.StatusUnauthorized)
	nf := call(t, g, "GET", "/api/v1/nowhere", "", nil).expect(t, http.StatusNotFound)
	if !nf.isProblem() {
		t.Fatalf("unknown route answer: %s", nf.Raw)
	}
}
