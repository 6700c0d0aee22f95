package app_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// apiResponse is a decoded answer from the gateway.
type apiResponse struct {
	Status int
	Header http.Header
	Body   map[string]any
	Raw    string
}

// call sends a JSON request with an optional bearer token.
func call(t *testing.T, g *gatewaytest.Gateway, method, path, token string, body any) apiResponse {
	t.Helper()
	var rd io.Reader
	if body != nil {
		switch b := body.(type) {
		case string:
			rd = strings.NewReader(b)
		default:
			raw, _ := json.Marshal(b)
			rd = bytes.NewReader(raw)
		}
	}
	req, err := http.NewRequest(method, g.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	out := apiResponse{Status: resp.StatusCode, Header: resp.Header, Raw: string(raw)}
	_ = json.Unmarshal(raw, &out.Body)
	return out
}

// expect fails the test unless the status matches.
func (r apiResponse) expect(t *testing.T, status int) apiResponse {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d: %s", r.Status, status, r.Raw)
	}
	return r
}

// str returns a top-level string field, or a nested one with a dotted path.
func (r apiResponse) str(path string) string {
	var cur any = r.Body
	for _, part := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return ""
		}
		cur = m[part]
	}
	s, _ := cur.(string)
	return s
}

// fieldErrors lists the field names of a validation problem.
func (r apiResponse) fieldErrors() []string {
	var out []string
	list, _ := r.Body["errors"].([]any)
	for _, e := range list {
		if m, ok := e.(map[string]any); ok {
			out = append(out, m["field"].(string))
		}
	}
	return out
}

// isProblem reports whether the answer is RFC 9457 problem+json.
func (r apiResponse) isProblem() bool {
	return r.Header.Get("Content-Type") == "application/problem+json" && r.str("type") != "" && r.str("title") != ""
}

const strongPassword = "quiet-orchard-bicycle-91"

// signupEmployer signs up an employer and returns its org id, which the
// sign-up answer does not give (it answers alike for taken addresses).
func signupEmployer(t *testing.T, g *gatewaytest.Gateway, email string) string {
	t.Helper()
	call(t, g, "POST", "/api/v1/auth/signup", "", map[string]string{
		"organisation_name": "Café De Hoek", "name": "Ana Peeters", "email": email, "password": strongPassword,
	}).expect(t, http.StatusAccepted)
	token, _ := login(t, g, email, strongPassword)
	return call(t, g, "GET", "/api/v1/me", token, nil).expect(t, http.StatusOK).str("organisation.id")
}

// login returns an access and a refresh token.
func login(t *testing.T, g *gatewaytest.Gateway, email, password string) (string, string) {
	t.Helper()
	r := call(t, g, "POST", "/api/v1/auth/login", "", map[string]string{"email": email, "password": password}).expect(t, http.StatusOK)
	return r.str("access_token"), r.str("refresh_token")
}

func base64RawURL(s string) ([]byte, error) { return base64.RawURLEncoding.DecodeString(s) }
