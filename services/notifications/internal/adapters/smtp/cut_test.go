package smtp_test

import (
	"context"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
)

// TestMailCutInItsBodyIsRetriedAndArrivesOnce cuts the first SMTP
// conversation while the message body is on its way, before the server's
// final 250: the attempt fails, the delivery waits for a retry, and the
// retry delivers exactly one mail.
func TestMailCutInItsBodyIsRetriedAndArrivesOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		crash bool // Mailpit itself is killed and started again, not just the connection
	}{
		{name: "connection dropped"},
		{name: "server killed and restarted", crash: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			mp := testkit.StartMailpit(t)
			proxy := startCutProxy(t, mp.SMTPAddr(), inBody)
			s := newDeliverySetupVia(t, mp, proxy.Addr(), time.Second, time.Hour)
			ctx := context.Background()
			reader := auth.Principal{Subject: "u-reader", Role: auth.RoleMember}
			if err := s.store.InsertItem(ctx, domain.InboxItem{ID: "item-1", UserID: reader.Subject, SourceID: "ev-1",
				Kind: domain.KindNewMatches, MessageKey: "role_full_added", CreatedAt: time.Now()}); err != nil {
				t.Fatal(err)
			}
			if err := s.svc.TakeHandoff(ctx, gateway, invitation("inv-cut")); err != nil {
				t.Fatal(err)
			}

			sent := make(chan int, 1)
			go func() {
				n, err := s.svc.DeliverDue(ctx)
				if err != nil {
					t.Errorf("DeliverDue during the cut: %v", err)
				}
				sent <- n
			}()
			select {
			case <-proxy.Held():
			case <-time.After(10 * time.Second):
				t.Fatal("the delivery never reached the message body")
			}
			if tc.crash { // the body is in flight while Mailpit dies and comes back
				mp.Stop()
				mp.Start(t)
			}
			proxy.Cut()
			if n := <-sent; n != 0 {
				t.Fatalf("DeliverDue counted %d sent for a mail cut in its body", n)
			}

			d, err := s.store.Delivery(ctx, "handoff:inv-cut", domain.RecipientKey("", "invitee@example.org"))
			if err != nil {
				t.Fatal(err)
			}
			if d.Status != domain.Queued || d.Attempts != 1 || d.LastError != domain.ErrConnection ||
				d.Address == "" || !d.LeaseUntil.IsZero() || d.LeaseOwner != "" {
				t.Fatalf("after the cut attempt: %+v", d)
			}
			if got := mp.Messages(t); len(got) != 0 {
				t.Fatalf("Mailpit kept %d messages from a cut body", len(got))
			}
			if n, err := s.svc.UnreadCount(ctx, reader); err != nil || n != 1 {
				t.Fatalf("inbox unread count = %d, %v; want 1", n, err)
			}

			early, _ := s.svc.DeliverDue(ctx) // may go only if a slow machine already passed the delay
			if early != 0 && time.Now().Before(d.NextAttemptAt) {
				t.Fatal("retried before its delay")
			}
			time.Sleep(time.Until(d.NextAttemptAt) + 50*time.Millisecond)
			if n, err := s.svc.DeliverDue(ctx); err != nil || early+n != 1 {
				t.Fatalf("DeliverDue after the delay = %d, %v; want 1 sent", n, err)
			}
			if n, _ := s.svc.DeliverDue(ctx); n != 0 {
				t.Fatal("sent twice")
			}
			assertOneMessage(t, mp, d.ID+"@onward.local")
			if proxy.Conversations() != 2 {
				t.Errorf("%d SMTP conversations, want the cut one and the retry", proxy.Conversations())
			}
		})
	}
}

// TestMailAcceptedBeforeTheCutIsNotSentAgain cuts the conversation just
// after the server accepted the body (its 250), while the client resets or
// quits: the mail was delivered, so the delivery is sent and never retried.
func TestMailAcceptedBeforeTheCutIsNotSentAgain(t *testing.T) {
	t.Parallel()
	mp := testkit.StartMailpit(t)
	proxy := startCutProxy(t, mp.SMTPAddr(), afterAccepted)
	s := newDeliverySetupVia(t, mp, proxy.Addr(), 10*time.Millisecond, time.Hour)
	ctx := context.Background()
	if err := s.svc.TakeHandoff(ctx, gateway, invitation("inv-accepted")); err != nil {
		t.Fatal(err)
	}
	go func() { <-proxy.Held(); proxy.Cut() }()
	if n, err := s.svc.DeliverDue(ctx); err != nil || n != 1 {
		t.Fatalf("DeliverDue with a cut after the server's 250 = %d, %v; want 1 sent", n, err)
	}
	d, err := s.store.Delivery(ctx, "handoff:inv-accepted", domain.RecipientKey("", "invitee@example.org"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Status != domain.Sent || d.Attempts != 1 || d.Address != "" {
		t.Fatalf("after a cut past the server's 250: %+v", d)
	}
	time.Sleep(20 * time.Millisecond)
	if n, _ := s.svc.DeliverDue(ctx); n != 0 {
		t.Fatal("sent twice")
	}
	assertOneMessage(t, mp, d.ID+"@onward.local")
}

// assertOneMessage checks that mp caught exactly one mail, with messageID.
func assertOneMessage(t *testing.T, mp *testkit.Mailpit, messageID string) {
	t.Helper()
	got := mp.WaitFor(t, 1, 5*time.Second)
	time.Sleep(200 * time.Millisecond) // a second copy would be stored by now
	got = mp.Messages(t)
	if len(got) != 1 || got[0].MessageID != messageID {
		t.Fatalf("Mailpit caught %d messages (%+v), want one with Message-ID %s", len(got), got, messageID)
	}
}
