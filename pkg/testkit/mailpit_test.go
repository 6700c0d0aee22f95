package testkit

import (
	"net/smtp"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// sendTestMail sends a two-part mail (plain text and HTML) over plain SMTP.
func sendTestMail(t *testing.T, smtpAddr, to, subject string) {
	t.Helper()
	msg := strings.ReplaceAll(`From: Onward <no-reply@onward.test>
To: `+to+`
Subject: `+subject+`
Message-ID: <`+subject+`@onward.test>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary=b1

--b1
Content-Type: text/plain; charset=utf-8

Plain words for `+subject+`.
--b1
Content-Type: text/html; charset=utf-8

<p>HTML words for `+subject+`.</p>
--b1--
`, "\n", "\r\n")
	if err := smtp.SendMail(smtpAddr, nil, "no-reply@onward.test", []string{to}, []byte(msg)); err != nil {
		t.Fatalf("send %q: %v", subject, err)
	}
}

func TestMailpitCatchesAndForgets(t *testing.T) {
	t.Parallel()
	mp := StartMailpit(t)
	if got := mp.Messages(t); len(got) != 0 {
		t.Fatalf("a fresh Mailpit holds %d mails", len(got))
	}
	sendTestMail(t, mp.SMTPAddr(), "staff@example.test", "first")
	sendTestMail(t, mp.SMTPAddr(), "employer@example.test", "second")
	got := mp.WaitFor(t, 2, 10*time.Second)
	if len(got) != 2 || got[0].Subject != "second" || got[1].Subject != "first" {
		t.Fatalf("Messages = %+v, want second then first", got)
	}
	if got[0].From != "no-reply@onward.test" || len(got[0].To) != 1 || got[0].To[0] != "employer@example.test" ||
		got[0].MessageID != "second@onward.test" || time.Since(got[0].Created) > time.Minute {
		t.Errorf("summary = %+v", got[0])
	}
	full := mp.Message(t, got[1].ID)
	if !strings.Contains(full.Text, "Plain words for first.") || !strings.Contains(full.HTML, "<p>HTML words for first.</p>") {
		t.Errorf("bodies: text %q, HTML %q", full.Text, full.HTML)
	}
	if !strings.HasPrefix(mp.APIURL(), "http://127.0.0.1:") {
		t.Errorf("APIURL = %q", mp.APIURL())
	}
	mp.DeleteAll(t)
	if got := mp.Messages(t); len(got) != 0 {
		t.Fatalf("after DeleteAll Mailpit holds %d mails", len(got))
	}
}

// TestMailpitStopStart checks that a stopped Mailpit refuses mail and that,
// restarted on the same ports, it catches mail again and still holds what
// it caught before.
func TestMailpitStopStart(t *testing.T) {
	t.Parallel()
	mp := StartMailpit(t)
	sendTestMail(t, mp.SMTPAddr(), "a@example.test", "before")
	mp.WaitFor(t, 1, 10*time.Second)
	mp.Stop()
	if err := smtp.SendMail(mp.SMTPAddr(), nil, "x@onward.test", []string{"a@example.test"}, []byte("Subject: lost\r\n\r\nx\r\n")); err == nil {
		t.Fatal("a stopped Mailpit accepted a mail")
	}
	mp.Start(t)
	sendTestMail(t, mp.SMTPAddr(), "a@example.test", "after")
	got := mp.WaitFor(t, 2, 10*time.Second)
	if got[0].Subject != "after" || got[1].Subject != "before" {
		t.Errorf("Messages = %+v", got)
	}
}

// TestBuildMailpitScriptFillsTheSameCache: scripts/build-mailpit.sh, which
// CI runs before the tests, builds into the very path MailpitBinary reads,
// so no test builds Mailpit again.
func TestBuildMailpitScriptFillsTheSameCache(t *testing.T) {
	t.Parallel()
	out, err := exec.Command(filepath.Join(RepoRoot(t), "scripts", "build-mailpit.sh"), "--print-path").Output()
	if err != nil {
		t.Fatalf("build-mailpit.sh --print-path: %v", err)
	}
	if got, want := strings.TrimSpace(string(out)), mailpitCachePath(); got != want {
		t.Errorf("build-mailpit.sh builds into %s, MailpitBinary reads %s", got, want)
	}
}
