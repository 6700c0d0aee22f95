package webtest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
)

// SignUpPending creates an employer through the sign-up form and leaves
// it pending, as the gateway starts every new employer: it may draft
// roles but not see shortlists until a platform administrator verifies
// it. SignUp verifies it too.
func (b *Browser) SignUpPending(org, name, email string) Page {
	b.t.Helper()
	return b.Submit("/signup", "/signup", url.Values{
		"organisation_name": {org}, "name": {name}, "email": {email}, "password": {StrongPassword},
	})
}

// VerifyEmployer has the platform administrator verify, through the
// gateway's API, the pending employer whose person signed up with email
// and StrongPassword.
func (s *Stack) VerifyEmployer(t testing.TB, email string) {
	t.Helper()
	owner := s.apiToken(t, email, StrongPassword)
	var me struct {
		Organisation *struct {
			ID     string `json:"id"`
			Status string `json:"status"`
		} `json:"organisation"`
	}
	if status := s.apiCall(t, "GET", "/api/v1/me", owner, nil, &me); status != http.StatusOK || me.Organisation == nil {
		t.Fatalf("webtest: the employer of %s: status %d", email, status)
	}
	if me.Organisation.Status != "pending" {
		return
	}
	admin := s.apiToken(t, s.AdminEmail, AdminPassword)
	checks := map[string]string{"register_country": "BE", "register_number": "0123456789", "contact_name": "Ana Peeters", "contacted_on": "2026-12-01"}
	if status := s.apiCall(t, "POST", "/api/v1/organisations/"+me.Organisation.ID+"/verify", admin, checks, nil); status != http.StatusOK {
		t.Fatalf("webtest: verify the employer of %s: status %d", email, status)
	}
}

// apiToken signs in through the gateway's API and returns the access token.
func (s *Stack) apiToken(t testing.TB, email, password string) string {
	t.Helper()
	var tokens struct {
		AccessToken string `json:"access_token"`
	}
	if status := s.apiCall(t, "POST", "/api/v1/auth/login", "", map[string]string{"email": email, "password": password}, &tokens); status != http.StatusOK {
		t.Fatalf("webtest: sign %s in through the API: status %d", email, status)
	}
	return tokens.AccessToken
}

// apiCall sends a JSON request to the gateway and decodes a JSON answer
// into out; it returns the status.
func (s *Stack) apiCall(t testing.TB, method, path, token string, body, out any) int {
	t.Helper()
	var raw []byte
	if body != nil {
		raw, _ = json.Marshal(body)
	}
	req, err := http.NewRequest(method, s.APIURL+path, bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("webtest: %s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	if out != nil && resp.StatusCode < 300 {
		_ = json.NewDecoder(resp.Body).Decode(out)
	}
	return resp.StatusCode
}
