package app_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// TestProxyForwardsByPrefix checks that API paths reach the right service
// with the bearer token and request id, without the browser's cookies.
func TestProxyForwardsByPrefix(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	seen := map[string][]string{}
	upstream := func(name string) *httptest.Server {
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			seen[name] = append(seen[name], r.Method+" "+r.URL.RequestURI()+" auth="+r.Header.Get("Authorization")+" rid="+strings.Repeat("x", min(1, len(r.Header.Get("X-Request-ID"))))+" cookie="+r.Header.Get("Cookie"))
			mu.Unlock()
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"from":"`+name+`"}`)
		}))
		t.Cleanup(s.Close)
		return s
	}
	emp, cand, match, ins := upstream("employers"), upstream("candidates"), upstream("matching"), upstream("insights")
	g := gatewaytest.Start(t, map[string]string{"EMPLOYERS_URL": emp.URL, "CANDIDATES_URL": cand.URL, "MATCHING_URL": match.URL,
		"INSIGHTS_URL": ins.URL})

	cases := map[string]string{
		"/api/v1/roles?status=open":                         "employers",
		"/api/v1/roles/r1":                                  "employers",
		"/api/v1/roles/r1/shortlist":                        "matching",
		"/api/v1/employers/me":                              "employers",
		"/api/v1/candidates/c1":                             "candidates",
		"/api/v1/candidates/c1/suggestions":                 "matching",
		"/api/v1/programmes":                                "candidates",
		"/api/v1/credentials/a1/status":                     "candidates",
		"/api/v1/issuers/o1/jwks":                           "candidates",
		"/api/v1/matching/status":                           "matching",
		"/api/v1/insights/outcomes?from=2025-01&to=2025-03": "insights",
	}
	for path, want := range cases {
		req, _ := http.NewRequest("GET", g.URL+path, nil)
		req.Header.Set("Authorization", "Bearer abc")
		req.Header.Set("Cookie", "onward_at=secret")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var body map[string]string
		_ = json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		if resp.StatusCode != 200 || body["from"] != want {
			t.Errorf("%s went to %q (status %d), want %s", path, body["from"], resp.StatusCode, want)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	for name, reqs := range seen {
		for _, r := range reqs {
			if !strings.Contains(r, "auth=Bearer abc") || !strings.Contains(r, "rid=x") || !strings.HasSuffix(r, "cookie=") {
				t.Errorf("%s received %q: token, request id or cookie handling wrong", name, r)
			}
		}
	}
	if got := seen["employers"]; len(got) == 0 || !strings.Contains(strings.Join(got, ","), "/api/v1/roles?status=open") {
		t.Errorf("query string lost: %v", got)
	}
}

func TestProxyAnswers503WhenServiceDown(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, map[string]string{"EMPLOYERS_URL": "http://127.0.0.1:1"})
	r := call(t, g, "GET", "/api/v1/roles", "", nil).expect(t, http.StatusServiceUnavailable)
	if !r.isProblem() || strings.Contains(r.Raw, "127.0.0.1") {
		t.Fatalf("503 answer leaks internals or is not a problem: %s", r.Raw)
	}
	// Insights is optional: a gateway without INSIGHTS_URL answers 503.
	if r := call(t, g, "GET", "/api/v1/insights/outcomes", "", nil).expect(t, http.StatusServiceUnavailable); !r.isProblem() {
		t.Fatalf("insights not configured: %s", r.Raw)
	}
}

// TestKeyRotationKeepsTokensValid rotates the signing key and shows tokens
// signed before the rotation still work while both keys are published.
func TestKeyRotationKeepsTokensValid(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, map[string]string{"SIGNING_KEY_PREPUBLISH": "0s"})
	admin, _ := login(t, g, g.AdminEmail, gatewaytest.AdminPassword)
	before := jwksKids(t, g)
	if len(before) != 1 {
		t.Fatalf("want one published key, got %v", before)
	}
	r := call(t, g, "POST", "/api/v1/admin/signing-keys/rotate", admin, nil).expect(t, http.StatusCreated)
	after := jwksKids(t, g)
	if len(after) != 2 || !strings.Contains(strings.Join(after, ","), r.str("kid")) {
		t.Fatalf("after rotation JWKS has %v, want old and new %s", after, r.str("kid"))
	}
	call(t, g, "GET", "/api/v1/me", admin, nil).expect(t, http.StatusOK)
	fresh, _ := login(t, g, g.AdminEmail, gatewaytest.AdminPassword)
	if kidOf(t, fresh) != r.str("kid") {
		t.Fatal("new tokens must be signed with the new key")
	}
	signupEmployer(t, g, "m@shop.be")
	tok, _ := login(t, g, "m@shop.be", strongPassword)
	call(t, g, "POST", "/api/v1/admin/signing-keys/rotate", tok, nil).expect(t, http.StatusForbidden)
}

func jwksKids(t *testing.T, g *gatewaytest.Gateway) []string {
	t.Helper()
	set := fetchJWKS(t, g)
	var kids []string
	for _, k := range set.Keys {
		if k.Kty != "OKP" || k.Crv != "Ed25519" || k.Alg != "EdDSA" {
			t.Fatalf("unexpected JWK %+v", k)
		}
		kids = append(kids, k.Kid)
	}
	return kids
}

func kidOf(t *testing.T, token string) string {
	t.Helper()
	var h struct{ Kid string }
	raw, _ := base64RawURL(strings.Split(token, ".")[0])
	_ = json.Unmarshal(raw, &h)
	return h.Kid
}

// TestServiceTokens issues a token for a service-to-service call only
// against the shared secret, with the target as audience.
func TestServiceTokens(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	body := map[string]string{"service": "matching", "audience": "candidates"}
	call(t, g, "POST", auth.ServiceTokenPath, "wrong-secret", body).expect(t, http.StatusUnauthorized)
	r := call(t, g, "POST", auth.ServiceTokenPath, g.Config.ServiceSecret, body).expect(t, http.StatusOK)
	if r.Body["expires_in"] != float64(300) {
		t.Fatalf("service token: %s", r.Raw)
	}
	v, err := auth.NewVerifier(auth.VerifierConfig{Issuer: g.Config.PublicURL, Audiences: []string{"candidates"}, Keys: jwksSource(t, g)})
	if err != nil {
		t.Fatal(err)
	}
	claims, err := v.Verify(t.Context(), r.str("access_token"))
	if err != nil || claims.Subject != "service:matching" || claims.Role != auth.RoleService {
		t.Fatalf("service token claims %+v: %v", claims, err)
	}
	// The insights service reads the owners' facts with tokens of its own.
	call(t, g, "POST", auth.ServiceTokenPath, g.Config.ServiceSecret, map[string]string{"service": "insights", "audience": "placements"}).expect(t, http.StatusOK)
	// A service token is not a user token: the gateway's user API refuses it.
	call(t, g, "GET", "/api/v1/me", r.str("access_token"), nil).expect(t, http.StatusUnauthorized)
	bad := call(t, g, "POST", auth.ServiceTokenPath, g.Config.ServiceSecret, map[string]string{"service": "matching", "audience": "matching"}).expect(t, http.StatusBadRequest)
	if f := bad.fieldErrors(); len(f) != 1 || f[0] != "audience" {
		t.Fatalf("self audience: %s", bad.Raw)
	}
}

func jwksSource(t *testing.T, g *gatewaytest.Gateway) auth.KeySource {
	t.Helper()
	c, err := auth.NewJWKSCache(auth.JWKSCacheConfig{URL: g.URL + "/.well-known/jwks.json"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestSecurityHeaders checks the headers every answer carries.
func TestSecurityHeaders(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	r := call(t, g, "GET", "/.well-known/jwks.json", "", nil).expect(t, http.StatusOK)
	csp := r.Header.Get("Content-Security-Policy")
	for _, want := range []string{"script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || r.Header.Get("X-Content-Type-Options") != "nosniff" || r.Header.Get("X-Request-ID") == "" {
		t.Errorf("headers: %v", r.Header)
	}
	if r.Header.Get("Strict-Transport-Security") != "" {
		t.Error("HSTS must only be sent over TLS")
	}
	if r.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Error("CORS must be off by default")
	}
}
