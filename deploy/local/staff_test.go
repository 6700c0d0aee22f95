package launcher

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
)

// apiClient calls the platform's public API through the gateway with one
// bearer token, through the platform's client that checks every answer
// against docs/openapi.yaml.
type apiClient struct {
	t     testing.TB
	base  string
	token string
	http  *http.Client
}

// do sends body as JSON and fails the test unless the answer has status
// want; it decodes a JSON answer into out when out is not nil.
func (c apiClient) do(method, path string, body any, want int, out any) []byte {
	c.t.Helper()
	return c.send(method, path, body, want, out, 0)
}

// doPatiently is do for bulk loads: an answer of 503 (a store busy under
// the load) is retried, up to five times with a growing pause, as a
// well-behaved client would.
func (c apiClient) doPatiently(method, path string, body any, want int, out any) []byte {
	c.t.Helper()
	return c.send(method, path, body, want, out, 5)
}

func (c apiClient) send(method, path string, body any, want int, out any, retries int) []byte {
	c.t.Helper()
	var r io.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		r = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, c.base+path, r)
	if err != nil {
		c.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode == http.StatusServiceUnavailable && want != http.StatusServiceUnavailable && retries > 0 {
		time.Sleep(time.Duration(6-retries) * 200 * time.Millisecond)
		return c.send(method, path, body, want, out, retries-1)
	}
	if resp.StatusCode != want {
		c.t.Fatalf("%s %s = %d, want %d: %s", method, path, resp.StatusCode, want, raw)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			c.t.Fatalf("%s %s: %v in %s", method, path, err, raw)
		}
	}
	return raw
}

// staffPassword is the password every staff account made in a test gets.
const staffPassword = "copper-orchard-violin-58"

// newProgrammeOrg has the platform administrator create a programme
// organisation and invite its first administrator, who accepts; it returns
// that administrator's e-mail and a client with their token.
func newProgrammeOrg(t testing.TB, p *platform, name string) (string, apiClient) {
	t.Helper()
	admin := p.client(t, login(t, p))
	var org api.Organisation
	admin.do("POST", "/api/v1/organisations", map[string]string{"name": name, "kind": "programme", "programme_type": "transition_house"}, 201, &org)
	email := fmt.Sprintf("coach.%d@house.test", time.Now().UnixNano())
	var inv api.Invitation
	admin.do("POST", "/api/v1/organisations/"+org.ID+"/invitations", map[string]string{"email": email, "role": "org_admin"}, 201, &inv)
	anon := p.client(t, "")
	anon.do("POST", "/api/v1/invitations/"+inv.Token+"/accept", map[string]string{"name": "Mira Jacobs", "password": staffPassword}, 201, nil)
	var tokens api.Tokens
	anon.do("POST", "/api/v1/auth/login", map[string]string{"email": email, "password": staffPassword}, 200, &tokens)
	if tokens.AccessToken == "" {
		t.Fatal("accepting the invitation gave no access token")
	}
	return email, p.client(t, tokens.AccessToken)
}
