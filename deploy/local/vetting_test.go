package launcher

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"
)

// tryCall sends body as JSON through c and returns the status and the
// decoded answer, failing the test only when the gateway is unreachable:
// the vetting test polls until an answer changes.
func tryCall(c apiClient, method, path string, body any) (int, map[string]any) {
	c.t.Helper()
	var r io.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		r = bytes.NewReader(raw)
	}
	req, _ := http.NewRequest(method, c.base+path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

// eventuallyTrue polls check every 100 ms until it reports done or within
// passes; it fails the test with what check last said.
func eventuallyTrue(t *testing.T, within time.Duration, what string, check func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		done, last := check()
		if done {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s; last %s", what, within, last)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestEmployerVettingThroughThePlatform: a new employer drafts roles but
// can neither open one nor read a shortlist until the platform
// administrator verifies it; once suspended it loses its shortlists
// within the gateway's cache time (at most 30 s) and its open roles are
// paused.
func TestEmployerVettingThroughThePlatform(t *testing.T) {
	p := stack(t)
	admin := p.client(t, login(t, p))
	email := fmt.Sprintf("owner.%d@vetting.test", time.Now().UnixNano())
	p.client(t, "").do("POST", "/api/v1/auth/signup", map[string]string{"organisation_name": "Koffiebar Vetting", "name": "Ana Peeters", "email": email, "password": staffPassword}, http.StatusAccepted, nil)
	var tokens struct {
		AccessToken string `json:"access_token"`
	}
	p.client(t, "").do("POST", "/api/v1/auth/login", map[string]string{"email": email, "password": staffPassword}, http.StatusOK, &tokens)
	employer := p.client(t, tokens.AccessToken)
	var me struct {
		Organisation struct{ ID, Status string }
	}
	employer.do("GET", "/api/v1/me", nil, http.StatusOK, &me)
	if me.Organisation.Status != "pending" {
		t.Fatalf("a new employer is %q", me.Organisation.Status)
	}

	if status, body := tryCall(employer, "POST", "/api/v1/roles", roleBody("open")); status != http.StatusForbidden || body["type"] != "/problems/organisation-not-verified" {
		t.Fatalf("a pending employer opens a role: %d %v", status, body)
	}
	var role struct {
		ID      string
		Version int64
	}
	employer.do("POST", "/api/v1/roles", roleBody("draft"), http.StatusCreated, &role)
	if status, body := tryCall(employer, "GET", "/api/v1/roles/"+role.ID+"/shortlist", nil); status != http.StatusForbidden || body["type"] != "/problems/organisation-not-verified" {
		t.Fatalf("a pending employer reads a shortlist: %d %v", status, body)
	}

	verifyOrganisation(t, admin, me.Organisation.ID)
	// The employers service hears of it from the gateway's stream.
	eventuallyTrue(t, 10*time.Second, "open the role once verified", func() (bool, string) {
		status, body := tryCall(employer, "POST", "/api/v1/roles/"+role.ID+"/status", map[string]any{"status": "open"})
		return status == http.StatusOK, fmt.Sprint(status, body)
	})
	if status, body := tryCall(employer, "GET", "/api/v1/roles/"+role.ID+"/shortlist", nil); status == http.StatusForbidden {
		t.Fatalf("a verified employer reads its shortlist: %d %v", status, body)
	}

	admin.do("POST", "/api/v1/organisations/"+me.Organisation.ID+"/suspend", map[string]string{"reason": "Complaints"}, http.StatusOK, nil)
	eventuallyTrue(t, 30*time.Second, "the shortlist of a suspended employer", func() (bool, string) {
		status, body := tryCall(employer, "GET", "/api/v1/roles/"+role.ID+"/shortlist", nil)
		return status == http.StatusForbidden && body["type"] == "/problems/organisation-suspended", fmt.Sprint(status, body)
	})
	eventuallyTrue(t, 10*time.Second, "the suspended employer's role paused", func() (bool, string) {
		_, body := tryCall(employer, "GET", "/api/v1/roles/"+role.ID, nil)
		return body["status"] == "paused", fmt.Sprint(body)
	})
	if status, body := tryCall(employer, "POST", "/api/v1/roles/"+role.ID+"/status", map[string]any{"status": "open"}); status != http.StatusForbidden || body["type"] != "/problems/organisation-suspended" {
		t.Fatalf("a suspended employer reopens its role: %d %v", status, body)
	}
}
