package launcher

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/sealed"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestMain stops the shared platform, if a test started it, after every
// test of the package has run. Started as a child platform (see
// startChild), the binary runs the launcher instead.
func TestMain(m *testing.M) {
	runLauncherIfChild()
	code := m.Run()
	shared.stop()
	os.Exit(code)
}

// sharedPlatform is one run of the whole platform that the security suite
// (the authorisation matrix, the token attacks and the fuzzing pass)
// shares, started by the first test that asks for it and stopped by
// TestMain: starting the platform takes seconds, and none of these tests
// needs a platform of its own. It uses the launcher's embedded stores, so
// nothing another test or session does to the shared Redis can throttle
// it; the test starts the miniredis itself, as the launcher would, so the
// privacy walk can read every stream of the run. It runs the launcher's
// mail catcher (Mailpit), so every mail of the run can be read too. Its contract checks every answer against docs/openapi.yaml; each
// test reports the disagreements seen during it (see suiteContract).
type sharedPlatform struct {
	once      sync.Once
	p         *platform
	contract  *contract
	kek       string // the gateway's key-encryption key, to read its signing key
	dir       string
	stopRedis func() error
	err       error
}

var shared sharedPlatform

// stack returns the shared platform, starting it on first use.
func stack(t *testing.T) *platform {
	t.Helper()
	shared.once.Do(func() { shared.start(t) })
	if shared.err != nil {
		t.Fatalf("the shared platform did not start: %v", shared.err)
	}
	return shared.p
}

func (s *sharedPlatform) start(t *testing.T) {
	s.dir, s.err = os.MkdirTemp("", "onward-suite-")
	if s.err != nil {
		return
	}
	s.kek = sealed.NewKey()
	env := testEnviron(t, s.dir)
	env["ONWARD_KEY_ENCRYPTION_KEY"] = s.kek
	env["REDIS_URL"], s.stopRedis, s.err = startMiniredis()
	if s.err != nil {
		return
	}
	// The launcher's development mail catcher, as `make run` has it, so
	// the notifications service really sends and the privacy walk can
	// read every mail of the run.
	env["MAILPIT_BIN"] = testkit.MailpitBinary(t)
	// Every suite test sends mail into the one catcher (introductions mail
	// at once), and the privacy walk reads back mails sent late in the run:
	// keep them all.
	env["ONWARD_MAIL_KEEP"] = "0"
	s.contract = loadContract(t)
	ctx, cancel := context.WithCancel(context.Background())
	p := &platform{env: env, cancel: cancel, done: make(chan error, 1), console: new(testkit.LogBuffer), logs: new(testkit.LogBuffer),
		http: &http.Client{Transport: s.contract, Timeout: 30 * time.Second}}
	go func() { p.done <- Run(ctx, env, p.console, p.logs) }()
	deadline := time.Now().Add(90 * time.Second)
	for !strings.Contains(p.console.String(), "Ctrl-C to stop") {
		select {
		case err := <-p.done:
			s.err = fmt.Errorf("Run returned at start: %v\n%s", err, p.logs)
			return
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			s.err = fmt.Errorf("not ready within 90s\n%s", p.logs)
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.p = p
}

func (s *sharedPlatform) stop() {
	if s.p != nil {
		s.p.cancel()
		select {
		case <-s.p.done:
		case <-time.After(40 * time.Second):
			fmt.Fprintln(os.Stderr, "the shared platform did not stop within 40s")
		}
	}
	if s.stopRedis != nil {
		_ = s.stopRedis()
	}
	if s.dir != "" {
		_ = os.RemoveAll(filepath.Clean(s.dir))
	}
}

// suiteContract makes t fail at its end with every disagreement with
// docs/openapi.yaml seen on the shared platform while t ran. Tests that
// call it do not run in parallel with each other, so what was seen is
// theirs.
func suiteContract(t *testing.T) {
	t.Helper()
	shared.contract.takeFailures()
	t.Cleanup(func() {
		seen := map[string]int{}
		var order []string
		for _, f := range shared.contract.takeFailures() {
			// One line per operation and status, not one per call.
			key := f
			if op, rest, ok := strings.Cut(f, " ("); ok {
				_, status, _ := strings.Cut(rest, ") answered ")
				key = op + " " + strings.SplitN(status, ":", 2)[0]
			}
			if seen[key] == 0 {
				order = append(order, f)
			}
			seen[key]++
		}
		for _, f := range order {
			t.Errorf("an answer disagrees with docs/openapi.yaml: %s", f)
		}
	})
}
