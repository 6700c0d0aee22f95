package launcher

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/testkit"
)

const (
	adminEmail    = "admin@onward.test"
	adminPassword = "tidy-harbour-lantern-42"
)

// TestRunStartsStopsAndKeepsData runs the whole platform twice on one data
// directory, with the embedded FerretDB and miniredis, and signs in each
// time: the second sign-in proves that the data and the secrets (which
// unseal the gateway's signing keys) survived the restart.
func TestRunStartsStopsAndKeepsData(t *testing.T) {
	env := testEnviron(t, t.TempDir())

	first := start(t, env)
	first.checkAllReady(t)
	first.expectStatus(t, http.MethodGet, first.url("gateway")+"/.well-known/jwks.json", nil, http.StatusOK)
	checkVocabularyThroughGateway(t, first, login(t, first))
	if !strings.Contains(first.console.String(), "Onward is running at http://localhost:") {
		t.Errorf("no banner on the console:\n%s", first.console)
	}
	if !strings.Contains(first.logs.String(), "in memory only") {
		t.Error("the logs do not warn that miniredis keeps queue state in memory only")
	}
	first.stop(t)
	checkDataDir(t, env["ONWARD_DATA_DIR"])

	second := start(t, env)
	second.checkAllReady(t)
	login(t, second)
	if strings.Contains(second.logs.String(), "created the first administrator") {
		t.Error("the administrator was created again on the second start")
	}
	second.stop(t)

	for _, l := range []*testkit.LogBuffer{first.logs, second.logs} {
		if strings.Contains(l.String(), adminPassword) {
			t.Error("the administrator's password appears in the logs")
		}
	}
}

// TestRunFailsWhenAServiceCannotStart checks that a service failing at start
// stops the others and makes Run return an error naming the cause, quickly.
func TestRunFailsWhenAServiceCannotStart(t *testing.T) {
	env := testEnviron(t, t.TempDir())
	env["REDIS_URL"] = "redis://127.0.0.1:1/0"
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- Run(ctx, env, io.Discard, io.Discard) }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "redis") {
			t.Fatalf("Run = %v, want an error about redis", err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("Run still running 60s after a service failed to start")
	}
	for _, key := range serviceAddrKeys {
		assertClosed(t, env[key])
	}
}

// TestRunRefusesTakenPort checks the early, explained failure when another
// process holds a service's port.
func TestRunRefusesTakenPort(t *testing.T) {
	env := testEnviron(t, t.TempDir())
	ln, err := net.Listen("tcp", env["ONWARD_MATCHING_ADDR"])
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	err = Run(context.Background(), env, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "ONWARD_MATCHING_ADDR") {
		t.Fatalf("Run = %v, want an error pointing at ONWARD_MATCHING_ADDR", err)
	}
}

var serviceAddrKeys = map[string]string{
	"web": "ONWARD_WEB_ADDR", "gateway": "ONWARD_GATEWAY_ADDR", "employers": "ONWARD_EMPLOYERS_ADDR",
	"candidates": "ONWARD_CANDIDATES_ADDR", "matching": "ONWARD_MATCHING_ADDR",
	"notifications": "ONWARD_NOTIFICATIONS_ADDR", "placements": "ONWARD_PLACEMENTS_ADDR",
	"insights": "ONWARD_INSIGHTS_ADDR",
}

// testEnviron is a complete environment on free ports. REDIS_URL and
// MONGO_URI are absent, so the launcher embeds its own stores.
func testEnviron(t testing.TB, dataDir string) map[string]string {
	t.Helper()
	env := map[string]string{
		"ONWARD_DATA_DIR":       filepath.Join(dataDir, "data"),
		"ONWARD_FERRETDB_ADDR":  testkit.FreeAddr(t),
		"ONWARD_ADMIN_EMAIL":    adminEmail,
		"ONWARD_ADMIN_PASSWORD": adminPassword,
		"ONWARD_START_TIMEOUT":  "60s",
		"SHUTDOWN_TIMEOUT":      "5s",
		// A MONGO_DB in the environment must not make the services share one database.
		"MONGO_DB": "shared_by_mistake",
	}
	// Every platform of these tests keys its throttles alike in the shared
	// Redis (the gateway's database name), and every client is 127.0.0.1:
	// the throttles have their own tests in the gateway, so they are
	// lifted here, or runs within the hour would refuse each other.
	for _, limit := range []string{"LOGIN_IP_LIMIT", "SIGNUP_IP_LIMIT", "INVITE_IP_LIMIT", "INVITE_ORG_LIMIT", "CANDIDATE_JOIN_IP_LIMIT", "PASSWORD_RESET_IP_LIMIT", "ROLE_CAP_PER_AREA"} {
		env[limit] = "1000"
	}
	for _, key := range serviceAddrKeys {
		env[key] = testkit.FreeAddr(t)
	}
	// The mail catcher runs only where MAILPIT_BIN names a mailpit; its
	// ports are free ones all the same.
	env["ONWARD_MAIL_SMTP_ADDR"], env["ONWARD_MAIL_ADDR"] = testkit.FreeAddr(t), testkit.FreeAddr(t)
	return env
}

// platform is one run of the launcher. http is the client the tests call
// it with, which checks every answer against docs/openapi.yaml.
type platform struct {
	env           map[string]string
	cancel        func()
	done          chan error
	console, logs *testkit.LogBuffer
	http          *http.Client
}

func start(t testing.TB, env map[string]string) *platform {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	p := &platform{env: env, cancel: cancel, done: make(chan error, 1), console: &testkit.LogBuffer{}, logs: &testkit.LogBuffer{},
		http: contractClient(t)}
	finished := make(chan struct{})
	go func() { p.done <- Run(ctx, env, p.console, p.logs); close(finished) }()
	// At the end of the test the run stops, and the test waits for it:
	// the launcher's child processes (Mailpit) must not outlive it, which
	// they would if the test binary exited while Run was still stopping.
	t.Cleanup(func() {
		cancel()
		select {
		case <-finished:
		case <-time.After(40 * time.Second):
			t.Errorf("Run did not return within 40s of the test's end\n%s", p.logs)
		}
	})
	// The banner is printed once every service is ready, within the
	// launcher's own start timeout.
	wait, err := time.ParseDuration(env["ONWARD_START_TIMEOUT"])
	if err != nil {
		t.Fatalf("ONWARD_START_TIMEOUT: %v", err)
	}
	deadline := time.Now().Add(wait)
	for !strings.Contains(p.console.String(), "Ctrl-C to stop") {
		select {
		case err := <-p.done:
			t.Fatalf("Run returned at start: %v\n%s", err, p.logs)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("not ready within %s\n%s", wait, p.logs)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return p
}

func (p *platform) url(service string) string { return "http://" + p.env[serviceAddrKeys[service]] }

// client returns a client of the public API through the gateway with
// token ("" for none).
func (p *platform) client(t testing.TB, token string) apiClient {
	return apiClient{t: t, base: p.url("gateway"), token: token, http: p.http}
}

func (p *platform) checkAllReady(t testing.TB) {
	t.Helper()
	for name := range serviceAddrKeys {
		body := p.expectStatus(t, http.MethodGet, p.url(name)+"/readyz", nil, http.StatusOK)
		// The web app owns no database: Redis (its sessions) is all it needs.
		if (name != "web" && !strings.Contains(body, `"mongo":"ok"`)) || !strings.Contains(body, `"redis":"ok"`) {
			t.Errorf("%s /readyz = %s", name, body)
		}
	}
}

// stop cancels the run and expects a clean exit with every port closed.
func (p *platform) stop(t testing.TB) {
	t.Helper()
	p.cancel()
	select {
	case err := <-p.done:
		if err != nil {
			t.Fatalf("Run after cancel = %v\n%s", err, p.logs)
		}
	case <-time.After(40 * time.Second):
		t.Fatalf("Run did not return within 40s of cancel\n%s", p.logs)
	}
	for _, key := range serviceAddrKeys {
		assertClosed(t, p.env[key])
	}
	assertClosed(t, p.env["ONWARD_FERRETDB_ADDR"])
}

func login(t testing.TB, p *platform) string {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"email": adminEmail, "password": adminPassword})
	resp := p.expectStatus(t, http.MethodPost, p.url("gateway")+"/api/v1/auth/login", body, http.StatusOK)
	var tokens api.Tokens
	if err := json.Unmarshal([]byte(resp), &tokens); err != nil || tokens.AccessToken == "" {
		t.Fatalf("login answer %q has no access_token (%v)", resp, err)
	}
	return tokens.AccessToken
}

// checkVocabularyThroughGateway searches through the gateway's proxy, so the
// matching service must verify the gateway's token against its JWK Set.
func checkVocabularyThroughGateway(t testing.TB, p *platform, token string) {
	t.Helper()
	gatewayURL := p.url("gateway")
	for path, want := range map[string]string{
		"/api/v1/skills?q=baristta":              `"id":"barista-skills"`,
		"/api/v1/occupations?q=heftruck&lang=nl": `"id":"forklift-driver"`,
		"/api/v1/places?q=Kortrijk":              `"name":"Kortrijk"`,
	} {
		req, _ := http.NewRequest(http.MethodGet, gatewayURL+path, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := p.http.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var answer struct {
			Items []json.RawMessage `json:"items"`
		}
		if err := json.Unmarshal(body, &answer); err != nil || resp.StatusCode != http.StatusOK || len(answer.Items) == 0 || !strings.Contains(string(answer.Items[0]), want) {
			t.Errorf("GET %s = %d %s; want a first item with %s", path, resp.StatusCode, body, want)
		}
	}
	p.expectStatus(t, http.MethodGet, gatewayURL+"/api/v1/skills?q=barista", nil, http.StatusUnauthorized)
}

func checkDataDir(t testing.TB, dir string) {
	t.Helper()
	for path, want := range map[string]os.FileMode{dir: 0o700, filepath.Join(dir, SecretsFile): 0o600} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s has mode %o, want %o", path, got, want)
		}
	}
	// FerretDB keeps one SQLite file per database.
	if _, err := os.Stat(filepath.Join(dir, "ferretdb", "onward_gateway.sqlite")); err != nil {
		t.Errorf("the gateway's database is not in the data directory: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "ferretdb", "shared_by_mistake.sqlite")); err == nil {
		t.Error("a service used MONGO_DB from the environment instead of its own database")
	}
}

func (p *platform) expectStatus(t testing.TB, method, url string, body []byte, want int) string {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := p.http.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	got, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		t.Fatalf("%s %s = %d, want %d: %s", method, url, resp.StatusCode, want, got)
	}
	return string(got)
}

func assertClosed(t testing.TB, addr string) {
	t.Helper()
	if conn, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		conn.Close()
		t.Errorf("%s still accepts connections", addr)
	}
}
