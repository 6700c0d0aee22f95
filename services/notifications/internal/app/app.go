package app

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/platform"
	"github.com/onward-jobs/onward/pkg/servicekit"
	eventsadapter "github.com/onward-jobs/onward/services/notifications/internal/adapters/events"
	"github.com/onward-jobs/onward/services/notifications/internal/adapters/gateway"
	mongoadapter "github.com/onward-jobs/onward/services/notifications/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/notifications/internal/adapters/owners"
	"github.com/onward-jobs/onward/services/notifications/internal/adapters/smtp"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
	"github.com/onward-jobs/onward/services/notifications/internal/service"
	transport "github.com/onward-jobs/onward/services/notifications/internal/transport/http"
)

// Name is the service's name: its log label, metrics label and the audience
// of service tokens meant for it.
const Name = "notifications"

// Run starts the notifications service and blocks until ctx is cancelled.
func Run(ctx context.Context, cfg Config, logOut io.Writer) error {
	svc, err := servicekit.Start(ctx, Name, cfg.Config, &cfg, logOut)
	if err != nil {
		return err
	}
	fail := func(err error) error { _ = svc.Close(); return err }
	store, err := mongoadapter.NewStore(ctx, svc.DB)
	if err != nil {
		return fail(err)
	}
	tokens, err := auth.NewServiceTokenSource(auth.ServiceTokenConfig{GatewayURL: cfg.GatewayURL, ServiceName: Name, Secret: cfg.ServiceSecret})
	if err != nil {
		return fail(fmt.Errorf("service tokens: %w", err))
	}
	own, err := owners.New(owners.URLs{Employers: cfg.EmployersURL, Candidates: cfg.CandidatesURL, Placements: cfg.PlacementsURL}, tokens, nil, cfg.OwnerTimeout)
	if err != nil {
		return fail(err)
	}
	recipients, err := gateway.New(cfg.GatewayURL, tokens, nil, cfg.OwnerTimeout)
	if err != nil {
		return fail(err)
	}
	deps := service.Deps{
		Inbox: store, Deliveries: store, Preferences: store, Recipients: recipients, Owners: own,
		Retry: domain.RetryPolicy{Delays: cfg.MailRetryDelays}, Lease: cfg.DeliveryLease,
		WebURL: cfg.PublicURL, MailDomain: cfg.mailDomain(), Logger: svc.Logger,
	}
	if cfg.SMTPURL == "" {
		svc.Logger.Warn("SMTP_URL is not set: notifications go to the inbox only, and no e-mail is sent")
	} else {
		mailer, err := smtp.New(smtp.Settings{URL: cfg.SMTPURL, From: cfg.MailFrom, Timeout: cfg.SMTPTimeout})
		if err != nil {
			return fail(err)
		}
		deps.Mailer = mailer
	}
	notifications := service.New(deps)
	host, _ := os.Hostname()
	consume, err := eventsadapter.Subscribe(svc.Redis, cfg.MatchingStream, host+"-"+Name, svc.Logger, notifications.HandleEvent)
	if err != nil {
		return fail(fmt.Errorf("matching subscriber: %w", err))
	}
	forget, err := eventsadapter.Subscribe(svc.Redis, cfg.CandidatesStream, host+"-"+Name, svc.Logger, notifications.HandleEvent)
	if err != nil {
		return fail(fmt.Errorf("candidates subscriber: %w", err))
	}
	placements, err := eventsadapter.Subscribe(svc.Redis, cfg.PlacementsStream, host+"-"+Name, svc.Logger, notifications.HandleEvent)
	if err != nil {
		return fail(fmt.Errorf("placements subscriber: %w", err))
	}
	transport.Register(svc.Server.App, transport.Deps{Verifier: svc.Verifier, Service: notifications})
	return svc.Serve(ctx,
		consume, forget, placements,
		platform.EveryLogged(svc.Logger, cfg.DeliveryInterval, "sent due deliveries", notifications.DeliverDue),
		platform.EveryLogged(svc.Logger, cfg.DigestInterval, "queued daily digests", notifications.SendDigests),
	)
}
