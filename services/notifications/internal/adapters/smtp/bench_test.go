package smtp_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/testkit"
	mongoadapter "github.com/onward-jobs/onward/services/notifications/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/notifications/internal/adapters/smtp"
	"github.com/onward-jobs/onward/services/notifications/internal/service"
)

// BenchmarkDeliveriesToMailpit measures account mails from handoff to a
// real Mailpit: each operation takes one handoff and sends it (one worker,
// as one instance runs). Reported as deliveries/s.
func BenchmarkDeliveriesToMailpit(b *testing.B) {
	mp := testkit.StartMailpit(b)
	store, err := mongoadapter.NewStore(context.Background(), testkit.MongoDB(b))
	if err != nil {
		b.Fatal(err)
	}
	mailer, err := smtp.New(smtp.Settings{URL: "smtp+plain://" + mp.SMTPAddr(), From: "Onward <no-reply@onward.local>", Timeout: 5 * time.Second})
	if err != nil {
		b.Fatal(err)
	}
	svc := service.New(service.Deps{Inbox: store, Deliveries: store, Preferences: store, Mailer: mailer,
		Lease: 30 * time.Second, WebURL: "https://onward.test", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	ctx := context.Background()
	run := time.Now().UnixNano()
	b.ResetTimer()
	start := time.Now()
	for i := 0; b.Loop(); i++ {
		if err := svc.TakeHandoff(ctx, gateway, invitation(fmt.Sprintf("bench-%d-%d", run, i))); err != nil {
			b.Fatal(err)
		}
		if n, err := svc.DeliverDue(ctx); err != nil || n != 1 {
			b.Fatalf("DeliverDue = %d, %v", n, err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "deliveries/s")
}

// BenchmarkInboxFromEvents measures the inbox side: each operation handles
// one matches.role_full_added event for an employer with ten members who
// keep the default (daily digest), so it writes ten inbox items and no
// mail. Reported as inbox items/s.
func BenchmarkInboxFromEvents(b *testing.B) {
	store, err := mongoadapter.NewStore(context.Background(), testkit.MongoDB(b))
	if err != nil {
		b.Fatal(err)
	}
	people := make([]service.Recipient, 10)
	for i := range people {
		people[i] = service.Recipient{UserID: fmt.Sprintf("user-%d", i), Email: fmt.Sprintf("user-%d@example.org", i), Language: "nl", OrgID: "org-1", Role: "member", Active: true}
	}
	svc := service.New(service.Deps{Inbox: store, Deliveries: store, Preferences: store,
		Recipients: benchRecipients(people), Owners: benchOwners{}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	ctx := context.Background()
	b.ResetTimer()
	start := time.Now()
	for i := 0; b.Loop(); i++ {
		e, err := events.NewEnvelope("matches.role_full_added", fmt.Sprintf("role-%d", i), 1, "matching")
		if err != nil {
			b.Fatal(err)
		}
		if err := svc.HandleEvent(ctx, e); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(people))/time.Since(start).Seconds(), "items/s")
}

// benchRecipients is the gateway's recipients API for one organisation.
type benchRecipients []service.Recipient

func (r benchRecipients) User(_ context.Context, id string) (service.Recipient, error) {
	for _, p := range r {
		if p.UserID == id {
			return p, nil
		}
	}
	return service.Recipient{}, fmt.Errorf("no user %s", id)
}

func (r benchRecipients) Organisation(context.Context, string) ([]service.Recipient, error) {
	return r, nil
}

// benchOwners says every role belongs to org-1.
type benchOwners struct{}

func (benchOwners) Role(context.Context, string) (service.RoleRef, error) {
	return service.RoleRef{OrgID: "org-1", Title: "Barista"}, nil
}

func (benchOwners) CandidateOrg(context.Context, string) (string, error) { return "org-1", nil }

func (benchOwners) Introduction(context.Context, string) (service.IntroductionRef, error) {
	return service.IntroductionRef{}, errs.NotFound
}
