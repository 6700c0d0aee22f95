package mailpit_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/smtp"
	"path/filepath"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/mailpit"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestMessagesReadsEveryPage sends more mails than one page of the API
// holds: Messages returns them all, newest first, and an unknown id is
// ErrNotFound.
func TestMessagesReadsEveryPage(t *testing.T) {
	t.Parallel()
	mp := testkit.StartMailpit(t)
	const n = 520
	c, err := smtp.Dial(mp.SMTPAddr())
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		if err := c.Mail("no-reply@onward.test"); err != nil {
			t.Fatal(err)
		}
		if err := c.Rcpt("someone@example.test"); err != nil {
			t.Fatal(err)
		}
		w, err := c.Data()
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(w, "Subject: mail %d\r\n\r\nbody\r\n", i)
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	_ = c.Quit()

	client := mailpit.NewClient(mp.APIURL())
	msgs := mp.WaitFor(t, n, 30*time.Second)
	if len(msgs) != n || msgs[0].Subject != fmt.Sprintf("mail %d", n-1) || msgs[n-1].Subject != "mail 0" {
		t.Fatalf("%d mails, first %q, last %q", len(msgs), msgs[0].Subject, msgs[len(msgs)-1].Subject)
	}
	if _, err := client.Message(context.Background(), "no-such-id"); !errors.Is(err, mailpit.ErrNotFound) {
		t.Errorf("Message(unknown) = %v, want ErrNotFound", err)
	}
}

// TestStartFailsOnATakenPort: Mailpit that cannot listen is reported at
// once, not left running or waited on until the timeout.
func TestStartFailsOnATakenPort(t *testing.T) {
	t.Parallel()
	taken, err := net.Listen("tcp", testkit.FreeAddr(t))
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	started := time.Now()
	_, err = mailpit.Start(context.Background(), mailpit.Options{
		Binary: testkit.MailpitBinary(t), SMTPAddr: taken.Addr().String(), APIAddr: testkit.FreeAddr(t),
		Database: filepath.Join(t.TempDir(), "mailpit.db"),
	})
	if err == nil || time.Since(started) > 10*time.Second {
		t.Fatalf("Start on a taken port = %v after %s, want a quick error", err, time.Since(started))
	}
}

// TestStopIsGraceful: SIGTERM stops Mailpit within the grace period, and
// a stop it asked for is no error.
func TestStopIsGraceful(t *testing.T) {
	t.Parallel()
	api := testkit.FreeAddr(t)
	p, err := mailpit.Start(context.Background(), mailpit.Options{
		Binary: testkit.MailpitBinary(t), SMTPAddr: testkit.FreeAddr(t), APIAddr: api,
		Database: filepath.Join(t.TempDir(), "mailpit.db"),
	})
	if err != nil {
		t.Fatal(err)
	}
	started := time.Now()
	if err := p.Stop(5 * time.Second); err != nil {
		t.Fatalf("Stop = %v", err)
	}
	if time.Since(started) > 4*time.Second {
		t.Errorf("Stop took %s: SIGTERM was not enough", time.Since(started))
	}
	select {
	case <-p.Exited():
	default:
		t.Error("Exited is not closed after Stop")
	}
	if conn, err := net.DialTimeout("tcp", api, time.Second); err == nil {
		conn.Close()
		t.Error("the API still answers after Stop")
	}
}
