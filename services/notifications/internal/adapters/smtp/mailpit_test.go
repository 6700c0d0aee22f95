package smtp_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/testkit"
)

// mailpitVersion is the development mail catcher the tests send to.
const mailpitVersion = "v1.33.1"

var (
	mailpitOnce sync.Once
	mailpitBin  string
	mailpitErr  error
)

// mailpitBinary returns a Mailpit binary: MAILPIT_BIN, else one built once
// into the user cache with go install. A private stand-in for the shared
// pkg/testkit helper being written in parallel.
func mailpitBinary(t testing.TB) string {
	t.Helper()
	mailpitOnce.Do(func() {
		if bin := os.Getenv("MAILPIT_BIN"); bin != "" {
			mailpitBin = bin
			return
		}
		cache, err := os.UserCacheDir()
		if err != nil {
			cache = os.TempDir()
		}
		dir := filepath.Join(cache, "onward", "mailpit-"+mailpitVersion)
		mailpitBin = filepath.Join(dir, "mailpit")
		if _, err := os.Stat(mailpitBin); err == nil {
			return
		}
		cmd := exec.Command("go", "install", "github.com/axllent/mailpit@"+mailpitVersion)
		cmd.Env = append(os.Environ(), "GOBIN="+dir, "GOFLAGS=-mod=mod", "GOWORK=off")
		cmd.Dir = os.TempDir()
		if out, err := cmd.CombinedOutput(); err != nil {
			mailpitErr = fmt.Errorf("go install mailpit: %v\n%s", err, out)
		}
	})
	if mailpitErr != nil {
		t.Fatal(mailpitErr)
	}
	return mailpitBin
}

// mailpit is a running Mailpit that can be stopped and started again on the
// same addresses and database.
type mailpit struct {
	SMTP, API string // host:port
	db        string
	bin       string
	cmd       *exec.Cmd
}

// startMailpit runs a Mailpit for this test and stops it at the end.
func startMailpit(t *testing.T) *mailpit {
	t.Helper()
	m := &mailpit{SMTP: testkit.FreeAddr(t), API: testkit.FreeAddr(t), db: filepath.Join(t.TempDir(), "mail.db"), bin: mailpitBinary(t)}
	m.Start(t)
	t.Cleanup(m.Stop)
	return m
}

// Start starts the process and waits until its API and SMTP answer.
func (m *mailpit) Start(t testing.TB) {
	t.Helper()
	m.cmd = exec.Command(m.bin, "--smtp", m.SMTP, "--listen", m.API, "--database", m.db, "--quiet", "--disable-version-check")
	if err := m.cmd.Start(); err != nil {
		t.Fatalf("start mailpit: %v", err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get("http://" + m.API + "/api/v1/messages"); err == nil {
			resp.Body.Close()
			if c, err := net.DialTimeout("tcp", m.SMTP, time.Second); err == nil {
				c.Close()
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("mailpit did not start within 30s")
}

// Stop kills the process, as a crash would.
func (m *mailpit) Stop() {
	if m.cmd != nil && m.cmd.Process != nil {
		_ = m.cmd.Process.Kill()
		_ = m.cmd.Wait()
		m.cmd = nil
	}
}

// caught is a message as Mailpit's API lists it.
type caught struct {
	ID        string `json:"ID"`
	MessageID string `json:"MessageID"`
	Subject   string `json:"Subject"`
	To        []struct {
		Address string `json:"Address"`
	} `json:"To"`
}

// Messages lists what Mailpit caught.
func (m *mailpit) Messages(t testing.TB) []caught {
	t.Helper()
	var out struct {
		Messages []caught `json:"messages"`
	}
	m.get(t, "/api/v1/messages", &out)
	return out.Messages
}

// Message returns one message's text and HTML.
func (m *mailpit) Message(t testing.TB, id string) (text, html string) {
	t.Helper()
	var out struct {
		Text string `json:"Text"`
		HTML string `json:"HTML"`
	}
	m.get(t, "/api/v1/message/"+id, &out)
	return out.Text, out.HTML
}

func (m *mailpit) get(t testing.TB, path string, into any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+m.API+path, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("mailpit %s: %v", path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("mailpit %s: %s", path, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(into); err != nil {
		t.Fatalf("mailpit %s: %v", path, err)
	}
}

// waitMessages waits until Mailpit holds n messages and returns them.
func (m *mailpit) waitMessages(t testing.TB, n int, within time.Duration) []caught {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		got := m.Messages(t)
		if len(got) >= n || time.Now().After(deadline) {
			return got
		}
		time.Sleep(100 * time.Millisecond)
	}
}
