// Package webtest starts what the web app's tests need: a real gateway,
// run as its own process from its own main package exactly as production
// runs it, on a fresh database of the test kit's Mongo-wire server and the
// test Redis, and the web app in-process in front of it. The other
// services are whatever the test points the gateway at (EMPLOYERS_URL,
// CANDIDATES_URL, MATCHING_URL), usually fakes. Only tests import it.
//
// Besides the stack, it holds what the page packages' black-box tests
// share: a Browser that keeps cookies and submits forms with their CSRF
// token, the Page it returns with its assertions, and helpers that sign
// people in through the forms (SignIn, EmployerSession, StaffGateway,
// ProgrammeAdmin, ProgrammeMember). The fakes of the other services live
// in webtest/fake, the real browser's tab in webtest/chrome.
package webtest

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/sealed"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/app"
)

// AdminPassword is the first administrator's password in test gateways.
const AdminPassword = "tidy-harbour-lantern-42"

// Stack is a running gateway with the web app in front of it.
type Stack struct {
	// URL is the web app's address, APIURL the gateway's.
	URL, APIURL string
	AdminEmail  string
	// SessionPrefix names this web app's session keys in the test Redis.
	SessionPrefix string
	webLogs       *testkit.LogBuffer
	gatewayLogs   *testkit.LogBuffer
}

// Start runs a gateway and the web app until the test ends. env overrides
// the gateway's settings. Every test gateway signs in from 127.0.0.1 and
// shares one Redis, so the per-address sign-in limit (LOGIN_IP_LIMIT) is
// raised out of the way unless env sets it.
func Start(t testing.TB, env map[string]string) *Stack {
	t.Helper()
	return StartWithWeb(t, env, nil)
}

// StartWithWeb is Start with webEnv overriding the web app's settings
// too, such as an https ONWARD_PUBLIC_URL or TRUSTED_PROXIES. Each stack's
// web app gets a CSRF key of its own (WEB_CSRF_KEY), as make run does.
func StartWithWeb(t testing.TB, env, webEnv map[string]string) *Stack {
	t.Helper()
	env = withDefault(env, "LOGIN_IP_LIMIT", "1000000")
	s := &Stack{AdminEmail: "admin@onward.test", SessionPrefix: testkit.UniqueName(t, "web") + ":",
		webLogs: &testkit.LogBuffer{}, gatewayLogs: &testkit.LogBuffer{}}
	webAddr, gwAddr := testkit.FreeAddr(t), testkit.FreeAddr(t)
	s.URL, s.APIURL = "http://"+webAddr, "http://"+gwAddr
	s.startGateway(t, gwAddr, env)
	webVars := map[string]string{
		"HTTP_ADDR": webAddr, "METRICS_ADDR": "127.0.0.1:0", "REDIS_URL": testkit.RedisURL(t), "ONWARD_PUBLIC_URL": s.URL,
		"GATEWAY_URL": s.APIURL, "WEB_SESSION_PREFIX": s.SessionPrefix, "LOG_FORMAT": "json",
		"WEB_CSRF_KEY": randomKey(),
	}
	for k, v := range webEnv {
		webVars[k] = v
	}
	cfg, err := app.LoadConfig(webVars)
	if err != nil {
		t.Fatalf("webtest: web config: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- app.Run(ctx, cfg, s.webLogs) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil && !t.Failed() {
				t.Errorf("web shutdown: %v", err)
			}
		case <-time.After(20 * time.Second):
			t.Error("web did not shut down within 20s")
		}
	})
	waitReady(t, s.URL, s.Logs)
	return s
}

// randomKey returns 32 random bytes as 43 URL-safe characters.
func randomKey() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// withDefault returns env with key set to value unless env sets it.
func withDefault(env map[string]string, key, value string) map[string]string {
	merged := map[string]string{key: value}
	for k, v := range env {
		merged[k] = v
	}
	return merged
}

// startGateway runs the gateway binary with a fresh database. The web app
// runs on this machine's loopback, so the gateway trusts 127.0.0.1 to
// forward the browser's address.
func (s *Stack) startGateway(t testing.TB, addr string, env map[string]string) {
	t.Helper()
	vars := map[string]string{
		"HTTP_ADDR": addr, "METRICS_ADDR": "127.0.0.1:0", "MONGO_URI": testkit.MongoURI(t), "MONGO_DB": testkit.UniqueName(t, "gw"),
		"REDIS_URL": testkit.RedisURL(t), "ONWARD_PUBLIC_URL": "http://" + addr,
		"ONWARD_ADMIN_EMAIL": s.AdminEmail, "ONWARD_ADMIN_PASSWORD": AdminPassword,
		"ONWARD_SERVICE_SECRET": "test-service-secret-0123456789abcdef", "ONWARD_KEY_ENCRYPTION_KEY": sealed.NewKey(),
		"TRUSTED_PROXIES": "127.0.0.1", "LOG_FORMAT": "json", "LOG_LEVEL": "info",
	}
	for k, v := range env {
		vars[k] = v
	}
	cmd := exec.Command(gatewayBinary(t))
	cmd.Env = []string{"PATH=" + os.Getenv("PATH")}
	for k, v := range vars {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	cmd.Stdout, cmd.Stderr = s.gatewayLogs, s.gatewayLogs
	if err := cmd.Start(); err != nil {
		t.Fatalf("webtest: start gateway: %v", err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Kill()
			t.Error("gateway did not shut down within 20s")
		}
	})
	waitReady(t, s.APIURL, s.Logs)
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// gatewayBinary builds the gateway's command once per test binary, from
// the workspace, as its Dockerfile does.
func gatewayBinary(t testing.TB) string {
	t.Helper()
	root := testkit.RepoRoot(t)
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "webtest-gateway-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "gateway")
		cmd := exec.Command("go", "build", "-o", binPath, "./services/gateway/cmd/gateway")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("%v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatalf("webtest: build the gateway: %v", buildErr)
	}
	return binPath
}

func waitReady(t testing.TB, base string, logs func() string) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s not ready within 90s\n%s", base, logs())
}

// Logs returns everything the web app and the gateway logged so far.
func (s *Stack) Logs() string { return s.webLogs.String() + s.gatewayLogs.String() }

// Contains reports whether the logs contain text, for privacy assertions.
func (s *Stack) Contains(text string) bool { return strings.Contains(s.Logs(), text) }

// String names the stack in test output.
func (s *Stack) String() string { return fmt.Sprintf("web at %s, gateway at %s", s.URL, s.APIURL) }
