package launcher

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/smtp"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/mailpit"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// mailEnviron is the launcher's environment for a mail catcher on free
// ports, with the Mailpit the tests build.
func mailEnviron(t *testing.T) map[string]string {
	t.Helper()
	return map[string]string{
		"ONWARD_DATA_DIR":       t.TempDir(),
		"ONWARD_MAIL_SMTP_ADDR": testkit.FreeAddr(t),
		"ONWARD_MAIL_ADDR":      testkit.FreeAddr(t),
		"MAILPIT_BIN":           testkit.MailpitBinary(t),
	}
}

// sendMail sends a two-part mail whose HTML carries a script, a quote and
// a link, as the viewer must show it safely.
func sendMail(t *testing.T, smtpAddr, to, subject string) {
	t.Helper()
	msg := strings.ReplaceAll("From: Onward <no-reply@onward.test>\nTo: "+to+"\nSubject: "+subject+
		"\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=b1\n\n"+
		"--b1\nContent-Type: text/plain; charset=utf-8\n\nSign in: http://localhost:8080/reset?t=abc\n"+
		"--b1\nContent-Type: text/html; charset=utf-8\n\n<p class=\"x\">Sign <a href=\"http://localhost:8080/reset?t=abc\">in</a></p><script>alert(1)</script>\n--b1--\n",
		"\n", "\r\n")
	if err := smtp.SendMail(smtpAddr, nil, "no-reply@onward.test", []string{to}, []byte(msg)); err != nil {
		t.Fatalf("send: %v", err)
	}
}

func getPage(t *testing.T, url string, want int) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		t.Fatalf("GET %s = %d, want %d: %s", url, resp.StatusCode, want, body)
	}
	return string(body)
}

// TestMailCatcherViewer starts the launcher's mail catcher alone: a mail
// sent to its SMTP port is listed by the viewer, newest first, and shown
// with its text and its HTML inside a sandboxed frame; stopping it closes
// both ports.
func TestMailCatcherViewer(t *testing.T) {
	t.Parallel()
	env := mailEnviron(t)
	cfg, err := LoadConfig(env)
	if err != nil {
		t.Fatal(err)
	}
	mc, err := startMailCatcher(cfg, slog.New(slog.DiscardHandler), io.Discard)
	if err != nil || mc == nil {
		t.Fatalf("startMailCatcher = %v, %v", mc, err)
	}
	defer mc.Stop()
	shared := map[string]string{}
	mc.addTo(shared)
	if shared["SMTP_URL"] != "smtp+plain://"+cfg.MailSMTPAddr {
		t.Errorf("SMTP_URL = %q", shared["SMTP_URL"])
	}

	viewer := "http://" + cfg.MailAddr
	if body := getPage(t, viewer+"/", http.StatusOK); !strings.Contains(body, "No mail yet") {
		t.Errorf("empty list page:\n%s", body)
	}
	sendMail(t, cfg.MailSMTPAddr, "staff@example.test", "Older mail")
	sendMail(t, cfg.MailSMTPAddr, "employer@example.test", "Reset your password")
	var list string
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if list = getPage(t, viewer+"/", http.StatusOK); strings.Count(list, `href="/messages/`) == 2 || time.Now().After(deadline) {
			break
		}
	}
	newest, older := strings.Index(list, "Reset your password"), strings.Index(list, "Older mail")
	if newest < 0 || older < 0 || newest > older || !strings.Contains(list, "employer@example.test") || !strings.Contains(list, `name="viewport"`) {
		t.Fatalf("list page does not show both mails, newest first:\n%s", list)
	}

	msgs, err := mailpit.NewClient(mc.apiURL).Messages(context.Background())
	if err != nil || len(msgs) != 2 {
		t.Fatalf("Mailpit API: %d mails, %v", len(msgs), err)
	}
	page := getPage(t, viewer+"/messages/"+msgs[0].ID, http.StatusOK)
	for _, want := range []string{
		"Reset your password", "employer@example.test", "Sign in: http://localhost:8080/reset?t=abc",
		`sandbox="allow-popups allow-popups-to-escape-sandbox"`, "srcdoc=",
		"&lt;script&gt;alert(1)&lt;/script&gt;", `&lt;p class=&#34;x&#34;&gt;`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("message page lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "<script>") {
		t.Errorf("the mail's script reached the viewer's own page:\n%s", page)
	}
	getPage(t, viewer+"/messages/no-such-id", http.StatusNotFound)

	if err := mc.Stop(); err != nil {
		t.Fatal(err)
	}
	for _, addr := range []string{cfg.MailSMTPAddr, cfg.MailAddr, strings.TrimPrefix(mc.apiURL, "http://")} {
		assertClosed(t, addr)
	}
}

// TestMailCatcherNotStarted: with SMTP_URL the services mail through it,
// and without a mailpit binary the launcher runs on and says how to get one.
func TestMailCatcherNotStarted(t *testing.T) {
	t.Parallel()
	env := mailEnviron(t)
	env["SMTP_URL"] = "smtps://relay.example:465"
	cfg, _ := LoadConfig(env)
	mc, err := startMailCatcher(cfg, slog.New(slog.DiscardHandler), io.Discard)
	if err != nil || mc.Running() {
		t.Fatalf("with SMTP_URL: startMailCatcher = %+v, %v; want none", mc, err)
	}
	if !strings.Contains(mc.Banner(), "SMTP_URL") {
		t.Errorf("banner %q does not say mail goes through SMTP_URL", mc.Banner())
	}

	env = mailEnviron(t)
	env["MAILPIT_BIN"] = filepath.Join(t.TempDir(), "mailpit")
	cfg, _ = LoadConfig(env)
	var logs testkit.LogBuffer
	mc, err = startMailCatcher(cfg, slog.New(slog.NewTextHandler(&logs, nil)), io.Discard)
	if err != nil || mc.Running() {
		t.Fatalf("without mailpit: startMailCatcher = %+v, %v; want none", mc, err)
	}
	shared := map[string]string{}
	mc.addTo(shared)
	if _, ok := shared["SMTP_URL"]; ok {
		t.Errorf("SMTP_URL = %q without a mail catcher", shared["SMTP_URL"])
	}
	for _, hint := range []string{"make run", "go install " + mailpit.Module + "@" + mailpit.Version} {
		if !strings.Contains(logs.String(), hint) || !strings.Contains(mc.Banner(), "make run") {
			t.Errorf("no hint %q in the logs %q or banner %q", hint, logs.String(), mc.Banner())
		}
	}
	assertClosed(t, cfg.MailAddr)
}

// TestMailpitVersionPinnedOnce: `make run`, the tests and compose run the
// same Mailpit release.
func TestMailpitVersionPinnedOnce(t *testing.T) {
	t.Parallel()
	for file, want := range map[string]string{
		"../../Makefile":           "MAILPIT_VERSION := " + mailpit.Version,
		"../../docker-compose.yml": "image: axllent/mailpit:" + mailpit.Version,
	} {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(raw), want) {
			t.Errorf("%s does not pin %q", file, want)
		}
	}
}

// TestRunCatchesMail runs the platform with a mailpit: the banner says
// where to read mail, a mail sent to the catcher's SMTP port is listed by
// the viewer, and stopping the launcher stops Mailpit too.
func TestRunCatchesMail(t *testing.T) {
	env := testEnviron(t, t.TempDir())
	env["MAILPIT_BIN"] = testkit.MailpitBinary(t)
	p := start(t, env)
	viewer := localURL(env["ONWARD_MAIL_ADDR"])
	if !strings.Contains(p.console.String(), "Mail           "+viewer) {
		t.Errorf("the banner does not say where to read mail (%s):\n%s", viewer, p.console)
	}
	sendMail(t, env["ONWARD_MAIL_SMTP_ADDR"], "invitee@example.test", "You are invited")
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(getPage(t, viewer+"/", http.StatusOK), "You are invited"); {
		if time.Now().After(deadline) {
			t.Fatal("the viewer does not list the mail sent to the catcher")
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.stop(t)
	assertClosed(t, env["ONWARD_MAIL_SMTP_ADDR"])
	assertClosed(t, env["ONWARD_MAIL_ADDR"])
}
