package testkit

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/mailpit"
)

// MailpitMessage is a mail a test's Mailpit caught: From and To are bare
// addresses; Text and HTML are filled by Mailpit.Message only.
type MailpitMessage = mailpit.Message

// Mailpit is a mail catcher of one test's own: a real Mailpit process on
// free loopback ports with its own database, so tests that count or scan
// mails never see another test's.
type Mailpit struct {
	smtpAddr, apiAddr string
	database          string
	logs              *LogBuffer
	client            *mailpit.Client
	proc              *mailpit.Process
}

// StartMailpit starts a Mailpit (building it first if this machine has
// none, see MailpitBinary), stopped when the test ends. Its logs are shown
// if the test fails.
//
// A port FreeAddr handed out may still be taken by a process that does not
// honour its locks before Mailpit binds it; the first start then tries
// fresh ports, up to three times.
func StartMailpit(t testing.TB) *Mailpit {
	t.Helper()
	m := &Mailpit{database: filepath.Join(t.TempDir(), "mailpit.db"), logs: &LogBuffer{}}
	var err error
	for range 3 {
		m.smtpAddr, m.apiAddr = FreeAddr(t), FreeAddr(t)
		m.client = mailpit.NewClient("http://" + m.apiAddr)
		if err = m.start(t); err == nil {
			break
		}
	}
	if err != nil {
		t.Fatalf("testkit: %v\n%s", err, m.logs)
	}
	t.Cleanup(func() {
		m.Stop()
		if t.Failed() {
			t.Logf("mailpit logs:\n%s", m.logs)
		}
	})
	return m
}

// SMTPAddr is the host:port its SMTP server listens on (plain, no auth).
func (m *Mailpit) SMTPAddr() string { return m.smtpAddr }

// APIURL is the base URL of its REST API, e.g. for mailpit.NewClient.
func (m *Mailpit) APIURL() string { return "http://" + m.apiAddr }

// Start starts it again after Stop, on the same ports and database, so it
// still holds the mails it caught before.
func (m *Mailpit) Start(t testing.TB) {
	t.Helper()
	if m.proc != nil {
		t.Fatal("testkit: Mailpit is already running")
	}
	if err := m.start(t); err != nil {
		t.Fatalf("testkit: %v\n%s", err, m.logs)
	}
}

func (m *Mailpit) start(t testing.TB) error {
	proc, err := mailpit.Start(context.Background(), mailpit.Options{
		Binary: MailpitBinary(t), SMTPAddr: m.smtpAddr, APIAddr: m.apiAddr,
		Database: m.database, Output: m.logs,
	})
	if err == nil {
		m.proc = proc
	}
	return err
}

// Stop kills it at once, as a crash would: SMTP connections drop and new
// ones are refused until Start.
func (m *Mailpit) Stop() {
	if m.proc == nil {
		return
	}
	_ = m.proc.Stop(0)
	m.proc = nil
}

// Messages returns every mail caught so far, newest first, without bodies.
func (m *Mailpit) Messages(t testing.TB) []MailpitMessage {
	t.Helper()
	msgs, err := m.client.Messages(context.Background())
	if err != nil {
		t.Fatalf("testkit: %v", err)
	}
	return msgs
}

// Message returns one caught mail with its plain-text and HTML bodies.
func (m *Mailpit) Message(t testing.TB, id string) MailpitMessage {
	t.Helper()
	msg, err := m.client.Message(context.Background(), id)
	if err != nil {
		t.Fatalf("testkit: %v", err)
	}
	return msg
}

// WaitFor waits until Mailpit holds at least n mails and returns them all,
// newest first; it fails the test after timeout, saying how many arrived.
func (m *Mailpit) WaitFor(t testing.TB, n int, timeout time.Duration) []MailpitMessage {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		msgs, err := m.client.Messages(context.Background())
		if err == nil && len(msgs) >= n {
			return msgs
		}
		if time.Now().After(deadline) {
			t.Fatalf("testkit: Mailpit holds %d mails after %s, want %d (last error: %v)", len(msgs), timeout, n, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// DeleteAll deletes every caught mail.
func (m *Mailpit) DeleteAll(t testing.TB) {
	t.Helper()
	if err := m.client.DeleteAll(context.Background()); err != nil {
		t.Fatalf("testkit: %v", err)
	}
}
