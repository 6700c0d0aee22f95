package app

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/platform"
	"github.com/onward-jobs/onward/pkg/redislock"
	"github.com/onward-jobs/onward/pkg/servicekit"
	"github.com/onward-jobs/onward/pkg/skills"
	eventsadapter "github.com/onward-jobs/onward/services/employers/internal/adapters/events"
	"github.com/onward-jobs/onward/services/employers/internal/adapters/gateway"
	mongoadapter "github.com/onward-jobs/onward/services/employers/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
	"github.com/onward-jobs/onward/services/employers/internal/service"
	transport "github.com/onward-jobs/onward/services/employers/internal/transport/http"
)

// Name is the service's name: its log label, metrics label and the audience
// of service tokens meant for it.
const Name = "employers"

// Run starts the employers service and blocks until ctx is cancelled.
func Run(ctx context.Context, cfg Config, logOut io.Writer) error {
	svc, err := servicekit.Start(ctx, Name, cfg.Config, &cfg, logOut)
	if err != nil {
		return err
	}
	locks := redislock.Locks{Redis: svc.Redis, Prefix: "onward:employers:lock:", TTL: cfg.LockTTL, Wait: cfg.LockWait}
	store, err := mongoadapter.NewStore(ctx, svc.DB, locks)
	if err != nil {
		_ = svc.Close()
		return err
	}
	pub, err := events.NewPublisher(svc.Redis, events.PublisherConfig{MaxLen: cfg.StreamMaxLen})
	if err != nil {
		_ = svc.Close()
		return fmt.Errorf("event publisher: %w", err)
	}
	tokens, err := auth.NewServiceTokenSource(auth.ServiceTokenConfig{GatewayURL: cfg.GatewayURL, ServiceName: Name, Secret: cfg.ServiceSecret})
	if err != nil {
		_ = svc.Close()
		return fmt.Errorf("service tokens: %w", err)
	}
	orgStatusSource, err := gateway.New(cfg.GatewayURL, tokens, cfg.GatewayTimeout)
	if err != nil {
		_ = svc.Close()
		return err
	}
	// The embedded vocabulary is parsed here, before the service reports
	// ready, so no request pays for it.
	vocab := service.Vocabulary{Taxonomy: skills.Default(), Places: geo.Default()}
	vocab.Places.Len()
	roles := service.New(service.Deps{
		Roles: store, Profiles: store, Outbox: store, Vocabulary: vocab, Logger: svc.Logger, Locks: locks,
		OrgStatuses: mongoadapter.NewOrgStatuses(svc.DB), OrgStatusSource: orgStatusSource,
		Cap:       domain.RoleCap{PerArea: cfg.RoleCapPerArea, RadiusKm: cfg.RoleCapRadiusKm},
		Publisher: eventsadapter.Publisher{Events: pub, RolesStream: cfg.RolesStream, ProfilesStream: cfg.ProfilesStream},
	})
	host, _ := os.Hostname()
	vetting, err := eventsadapter.Subscribe(svc.Redis, cfg.GatewayStream, host+"-"+Name, svc.Logger, roles.HandleGatewayEvent)
	if err != nil {
		_ = svc.Close()
		return fmt.Errorf("gateway subscriber: %w", err)
	}
	transport.Register(svc.Server.App, transport.Deps{Verifier: svc.Verifier, Service: roles})
	grace := cfg.RelayGrace
	return svc.Serve(ctx, vetting,
		platform.EveryLogged(svc.Logger, cfg.CloseInterval, "closed roles past their closing date", roles.CloseExpired),
		platform.EveryLogged(svc.Logger, cfg.RelayInterval, "relayed pending events", func(ctx context.Context) (int, error) {
			return roles.RelayPending(ctx, grace)
		}),
	)
}
