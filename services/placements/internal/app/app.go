package app

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/platform"
	"github.com/onward-jobs/onward/pkg/redislock"
	"github.com/onward-jobs/onward/pkg/servicekit"
	eventsadapter "github.com/onward-jobs/onward/services/placements/internal/adapters/events"
	mongoadapter "github.com/onward-jobs/onward/services/placements/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/placements/internal/adapters/peers"
	"github.com/onward-jobs/onward/services/placements/internal/domain"
	"github.com/onward-jobs/onward/services/placements/internal/service"
	transport "github.com/onward-jobs/onward/services/placements/internal/transport/http"
)

// Name is the service's name: its log label, metrics label and the audience
// of service tokens meant for it.
const Name = "placements"

// Run starts the placements service and blocks until ctx is cancelled.
func Run(ctx context.Context, cfg Config, logOut io.Writer) error {
	svc, err := servicekit.Start(ctx, Name, cfg.Config, &cfg, logOut)
	if err != nil {
		return err
	}
	fail := func(err error) error { _ = svc.Close(); return err }
	locks := redislock.Locks{Redis: svc.Redis, Prefix: "onward:placements:lock:", TTL: cfg.LockTTL, Wait: cfg.LockWait}
	store, err := mongoadapter.NewStore(ctx, svc.DB, locks)
	if err != nil {
		return fail(err)
	}
	tokens, err := auth.NewServiceTokenSource(auth.ServiceTokenConfig{GatewayURL: cfg.GatewayURL, ServiceName: Name, Secret: cfg.ServiceSecret})
	if err != nil {
		return fail(fmt.Errorf("service tokens: %w", err))
	}
	others, err := peers.New(peers.URLs{Employers: cfg.EmployersURL, Matching: cfg.MatchingURL, Candidates: cfg.CandidatesURL, Gateway: cfg.GatewayURL},
		tokens, nil, cfg.PeerTimeout)
	if err != nil {
		return fail(err)
	}
	pub, err := events.NewPublisher(svc.Redis, events.PublisherConfig{MaxLen: cfg.StreamMaxLen})
	if err != nil {
		return fail(fmt.Errorf("event publisher: %w", err))
	}
	placements := service.New(service.Deps{
		Store: store, Roles: others, Shortlists: others, Candidates: others, Organisations: others, Wording: others,
		Publisher: eventsadapter.Publisher{Events: pub, Stream: cfg.Stream}, Logger: svc.Logger, Clock: cfg.Clock,
		Timing: domain.Timing{TTL: cfg.IntroductionTTL, Reminder: cfg.IntroductionReminder}, MaxOpenPerRole: cfg.MaxOpenPerRole,
	})
	host, _ := os.Hostname()
	erasures, err := eventsadapter.Subscribe(svc.Redis, cfg.CandidatesStream, host+"-"+Name, svc.Logger, placements.HandleEvent)
	if err != nil {
		return fail(fmt.Errorf("candidates subscriber: %w", err))
	}
	suspensions, err := eventsadapter.Subscribe(svc.Redis, cfg.GatewayStream, host+"-"+Name, svc.Logger, placements.HandleEvent)
	if err != nil {
		return fail(fmt.Errorf("gateway subscriber: %w", err))
	}
	transport.Register(svc.Server.App, transport.Deps{Verifier: svc.Verifier, Service: placements, Logger: svc.Logger, WriteTimeout: cfg.WriteTimeout})
	grace := cfg.RelayGrace
	return svc.Serve(ctx,
		erasures, suspensions,
		platform.EveryLogged(svc.Logger, cfg.SweepInterval, "swept introductions, follow-ups and placement steps", placements.Sweep),
		platform.EveryLogged(svc.Logger, cfg.RelayInterval, "relayed pending events", func(ctx context.Context) (int, error) {
			return placements.RelayPending(ctx, grace)
		}),
	)
}
