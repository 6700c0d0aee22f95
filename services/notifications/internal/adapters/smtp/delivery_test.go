package smtp_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/pkg/testkit"
	mongoadapter "github.com/onward-jobs/onward/services/notifications/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/notifications/internal/adapters/smtp"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
	"github.com/onward-jobs/onward/services/notifications/internal/service"
)

var gateway = auth.Principal{Subject: auth.ServiceSubjectPrefix + "gateway", Role: auth.RoleService}

// deliverySetup is the service on a fresh database, sending to a Mailpit.
type deliverySetup struct {
	svc   *service.Service
	store *mongoadapter.Store
	mail  *testkit.Mailpit
}

func newDeliverySetup(t *testing.T, retry ...time.Duration) *deliverySetup {
	t.Helper()
	mp := testkit.StartMailpit(t)
	return newDeliverySetupVia(t, mp, mp.SMTPAddr(), retry...)
}

// newDeliverySetupVia is newDeliverySetup with the mailer dialling smtpAddr,
// such as a proxy in front of mp.
func newDeliverySetupVia(t *testing.T, mp *testkit.Mailpit, smtpAddr string, retry ...time.Duration) *deliverySetup {
	t.Helper()
	store, err := mongoadapter.NewStore(context.Background(), testkit.MongoDB(t))
	if err != nil {
		t.Fatal(err)
	}
	mailer, err := smtp.New(smtp.Settings{URL: "smtp+plain://" + smtpAddr, From: "Onward <no-reply@onward.local>", Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	svc := service.New(service.Deps{
		Inbox: store, Deliveries: store, Preferences: store, Mailer: mailer,
		Retry: domain.RetryPolicy{Delays: retry}, Lease: 30 * time.Second, WebURL: "https://onward.test",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	return &deliverySetup{svc: svc, store: store, mail: mp}
}

func invitation(id string) service.Handoff {
	return service.Handoff{ID: id, Kind: domain.KindInvitation, Email: "invitee@example.org", Language: "nl",
		Link: "https://onward.test/invitations/tok-" + id, Organisation: "Zuivere Koffie"}
}

func TestHandoffIsDeliveredOnceInTheRecipientsLanguage(t *testing.T) {
	t.Parallel()
	s := newDeliverySetup(t, time.Second)
	ctx := context.Background()
	h := invitation("inv-1")
	for range 2 { // the same id twice sends one mail
		if err := s.svc.TakeHandoff(ctx, gateway, h); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := s.svc.DeliverDue(ctx); err != nil || n != 1 {
		t.Fatalf("DeliverDue = %d, %v; want 1 sent", n, err)
	}
	if err := s.svc.TakeHandoff(ctx, gateway, h); err != nil { // and again after it was sent
		t.Fatal(err)
	}
	if n, _ := s.svc.DeliverDue(ctx); n != 0 {
		t.Fatalf("a handoff seen before was sent again (%d)", n)
	}
	got := s.mail.WaitFor(t, 1, 5*time.Second)
	if len(got) != 1 {
		t.Fatalf("Mailpit caught %d messages, want 1", len(got))
	}
	full := s.mail.Message(t, got[0].ID)
	text, html := full.Text, full.HTML
	if got[0].Subject != "Je bent uitgenodigd voor Onward" || got[0].To[0] != "invitee@example.org" {
		t.Errorf("message = %+v", got[0])
	}
	if !strings.Contains(text, h.Link) || !strings.Contains(html, h.Link) || !strings.Contains(text, "Zuivere Koffie") {
		t.Errorf("the link or organisation is missing:\n%s", text)
	}
	d, err := s.store.Delivery(ctx, "handoff:inv-1", domain.RecipientKey("", h.Email))
	if err != nil {
		t.Fatal(err)
	}
	if got[0].MessageID != d.ID+"@onward.local" {
		t.Errorf("Message-ID = %q, want one made from delivery %s", got[0].MessageID, d.ID)
	}
	if d.Status != domain.Sent || d.Address != "" || d.Params != nil || d.Attempts != 1 {
		t.Errorf("stored delivery keeps content or has the wrong state: %+v", d)
	}
}

func TestMailArrivesOnceAfterTheServerCameBack(t *testing.T) {
	t.Parallel()
	s := newDeliverySetup(t, time.Second, time.Hour)
	ctx := context.Background()
	s.mail.Stop() // the SMTP server dies before the delivery
	if err := s.svc.TakeHandoff(ctx, gateway, invitation("inv-2")); err != nil {
		t.Fatal(err)
	}
	if n, err := s.svc.DeliverDue(ctx); err != nil || n != 0 {
		t.Fatalf("DeliverDue with the server down = %d, %v", n, err)
	}
	d, _ := s.store.Delivery(ctx, "handoff:inv-2", domain.RecipientKey("", "invitee@example.org"))
	if d.Status != domain.Queued || d.Attempts != 1 || d.LastError != domain.ErrConnection || d.Address == "" {
		t.Fatalf("after a failed attempt: %+v", d)
	}
	s.mail.Start(t)
	early, _ := s.svc.DeliverDue(ctx) // may go only if a slow machine already passed the delay
	if early != 0 && time.Now().Before(d.NextAttemptAt) {
		t.Fatal("retried before its delay")
	}
	time.Sleep(time.Until(d.NextAttemptAt) + 50*time.Millisecond)
	if n, err := s.svc.DeliverDue(ctx); err != nil || early+n != 1 {
		t.Fatalf("DeliverDue after the delay = %d, %v", n, err)
	}
	if n, _ := s.svc.DeliverDue(ctx); n != 0 {
		t.Fatal("sent twice")
	}
	if got := s.mail.WaitFor(t, 1, 5*time.Second); len(got) != 1 {
		t.Fatalf("Mailpit caught %d messages, want 1", len(got))
	}
}

func TestDeliveryFailsAfterTheLastRetryAndIsListed(t *testing.T) {
	t.Parallel()
	s := newDeliverySetup(t, 10*time.Millisecond, 10*time.Millisecond)
	ctx := context.Background()
	s.mail.Stop()
	if err := s.svc.TakeHandoff(ctx, gateway, service.Handoff{ID: "pr-1", Kind: domain.KindPasswordReset, Email: "x@example.org",
		UserID: "u1", OrgID: "o1", Link: "https://onward.test/reset/secret"}); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := s.svc.DeliverDue(ctx); err != nil {
			t.Fatal(err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	list, _, err := s.svc.Deliveries(ctx, auth.Principal{Subject: "root", Role: auth.RoleAdmin}, domain.Failed, mongox.PageRequest{})
	if err != nil || len(list) != 1 {
		t.Fatalf("failed deliveries = %+v, %v", list, err)
	}
	d := list[0]
	if d.Attempts != 3 || d.LastError != domain.ErrConnection || d.Address != "" || d.Params != nil || d.UserID != "u1" {
		t.Errorf("failed delivery = %+v", d)
	}
}

func TestSMTPURLModes(t *testing.T) {
	for _, u := range []string{"smtp://mail.example.org:587", "smtp+starttls://u:p@mail.example.org", "smtps://mail.example.org", "smtp+plain://127.0.0.1:1025"} {
		if _, err := smtp.New(smtp.Settings{URL: u, From: "Onward <no-reply@onward.local>"}); err != nil {
			t.Errorf("New(%s) = %v", u, err)
		}
	}
	for _, u := range []string{"http://mail.example.org", "smtp://", "smtp://h:99999", "::"} {
		if _, err := smtp.New(smtp.Settings{URL: u, From: "Onward <no-reply@onward.local>"}); err == nil {
			t.Errorf("New(%s) accepted", u)
		}
	}
	if _, err := smtp.New(smtp.Settings{URL: "smtp://h:25", From: "not an address"}); err == nil {
		t.Error("a bad MAIL_FROM was accepted")
	}
}
