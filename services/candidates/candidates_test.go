package candidates

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/sealed"
	"github.com/onward-jobs/onward/pkg/servicekit"
	"github.com/onward-jobs/onward/pkg/servicekit/servicekittest"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestRunWithClockRegistersInThePast runs the whole service on a clock set
// in the past, as a platform test does, registers a candidate through the
// public API and reads the registration time back from the internal view.
func TestRunWithClockRegistersInThePast(t *testing.T) {
	past := time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)
	signer, gateway := fakeGateway(t)
	env := servicekittest.Environ(t)
	env["GATEWAY_URL"], env["ONWARD_PUBLIC_URL"] = gateway, gateway
	env["CANDIDATES_IDENTITY_KEYS"] = "k1:" + sealed.NewKey()
	env["CANDIDATES_KEY_ENCRYPTION_KEY"] = sealed.NewKey()
	env["CANDIDATES_HMAC_KEY"] = "test-hmac-key-0123456789abcdef0123456789"
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	logs := &testkit.LogBuffer{}
	go func() { done <- RunWithClock(ctx, env, logs, func() time.Time { return past }) }()
	t.Cleanup(func() { cancel(); <-done })
	base := "http://" + env["HTTP_ADDR"]
	waitReady(t, base, logs)

	staff, err := auth.IssueAccessToken(signer, gateway, []string{"onward-api"},
		auth.Principal{Subject: "11111111-1111-4111-8111-111111111111", OrgID: "prog-p1", OrgKind: auth.OrgKindProgramme, Role: auth.RoleMember}, 10*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	service, err := auth.IssueServiceToken(signer, gateway, "insights", "candidates", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	body := map[string]any{
		"given_name": "Ana", "family_name": "Lima", "setting": "transition_house", "house": map[string]any{"place_id": "2794055"},
		"languages": []any{map[string]any{"code": "nl", "level": "B2"}}, "excluded_sectors": []string{},
		"preferences": map[string]any{"sectors": []string{"I"}, "hours_per_week": 32, "contracts": []string{"permanent"}},
	}
	var created struct {
		ID string `json:"id"`
	}
	call(t, staff, "POST", base+"/api/v1/candidates", body, http.StatusCreated, &created)
	var view struct {
		CreatedAt time.Time `json:"created_at"`
	}
	call(t, service, "GET", base+"/internal/v1/candidates/"+created.ID, nil, http.StatusOK, &view)
	if !view.CreatedAt.Equal(past) {
		t.Errorf("created_at = %v, want the clock's %v", view.CreatedAt, past)
	}
}

// fakeGateway publishes one signing key where services fetch the
// gateway's keys, and returns its signer and address (also the issuer).
func fakeGateway(t *testing.T) (*auth.Signer, string) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := auth.NewSigner("k1", priv)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc(servicekit.JWKSPath, func(w http.ResponseWriter, _ *http.Request) {
		_ = json.NewEncoder(w).Encode(auth.JWKS{Keys: []auth.JWK{auth.PublicJWK("k1", pub)}})
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return signer, srv.URL
}

// call sends body as JSON with token, requires status want and decodes
// the answer into out.
func call(t *testing.T, token, method, url string, body any, want int, out any) {
	t.Helper()
	raw, _ := json.Marshal(body)
	req, err := http.NewRequest(method, url, bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var answer json.RawMessage
	_ = json.NewDecoder(resp.Body).Decode(&answer)
	if resp.StatusCode != want {
		t.Fatalf("%s %s: %d, want %d: %s", method, url, resp.StatusCode, want, answer)
	}
	if err := json.Unmarshal(answer, out); err != nil {
		t.Fatal(err)
	}
}

// waitReady polls /readyz until the service answers 200.
func waitReady(t *testing.T, base string, logs *testkit.LogBuffer) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if resp, err := http.Get(base + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
	}
	t.Fatalf("service not ready within 30s\n%s", logs)
}
