package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/platform"
	"github.com/onward-jobs/onward/pkg/redislock"
	"github.com/onward-jobs/onward/pkg/sealed"
	"github.com/onward-jobs/onward/services/gateway/internal/adapters/candidates"
	eventsadapter "github.com/onward-jobs/onward/services/gateway/internal/adapters/events"
	"github.com/onward-jobs/onward/services/gateway/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/gateway/internal/adapters/notifications"
	"github.com/onward-jobs/onward/services/gateway/internal/adapters/redis"
	"github.com/onward-jobs/onward/services/gateway/internal/password"
	"github.com/onward-jobs/onward/services/gateway/internal/service"
	transport "github.com/onward-jobs/onward/services/gateway/internal/transport/http"
)

// Options carry what differs between production, the local launcher and
// tests. Console receives the one-time administrator password.
type Options struct {
	LogOutput io.Writer
	Console   io.Writer
	// Now overrides the clock in tests.
	Now func() time.Time
	// PasswordChecked, when set, is called for every password verified at
	// sign-in; tests count evaluated guesses with it.
	PasswordChecked func()
}

// Run starts the gateway and blocks until ctx is cancelled.
func Run(ctx context.Context, cfg Config, opts Options) error {
	rt, err := platform.Start(ctx, "gateway", cfg.Base, &cfg, opts.LogOutput)
	if err != nil {
		return err
	}
	g, err := build(ctx, rt, cfg, opts)
	if err != nil {
		_ = rt.Close()
		return err
	}
	// Every replica reloads the key ring, so a rotation started on one
	// reaches the others, and watches for a Redis that lost the
	// revocation list.
	return rt.Serve(ctx, platform.Every(cfg.KeyReload, func(ctx context.Context) {
		if err := g.keys.Load(ctx); err != nil && ctx.Err() == nil {
			rt.Logger.Error("reload signing keys", "error", err.Error())
		}
	}), platform.Every(cfg.RevocationRestore, restoreRevocations(g.revocations, rt.Logger)), drainHandoffs(g.svc, rt), g.erasures,
		platform.EveryLogged(rt.Logger, cfg.RelayInterval, "relayed pending events", func(ctx context.Context) (int, error) {
			return g.svc.RelayPending(ctx, cfg.RelayGrace)
		}))
}

// drainHandoffs is a worker that, once the server has stopped, waits for
// the mails handed off in the background before Serve closes the stores.
func drainHandoffs(svc *service.Service, rt *platform.Runtime) func(context.Context) error {
	return func(ctx context.Context) error {
		<-ctx.Done()
		if !svc.Drain(rt.Config.ShutdownTimeout) {
			rt.Logger.Warn("shutdown: some account mails were still being handed off")
		}
		return ctx.Err()
	}
}

type gateway struct {
	svc         *service.Service
	keys        *service.KeyRing
	revocations *auth.RevocationList
	// erasures consumes the candidates service's erasures until the
	// server stops.
	erasures func(context.Context) error
}

// build wires storage, use cases and the API onto rt's server.
func build(ctx context.Context, rt *platform.Runtime, cfg Config, opts Options) (*gateway, error) {
	box, err := sealed.NewBox(cfg.KeyEncryptionKey)
	if err != nil {
		return nil, fmt.Errorf("ONWARD_KEY_ENCRYPTION_KEY: %w", err)
	}
	locks := redislock.Locks{Redis: rt.Redis, Prefix: cfg.MongoDB + ":lock:", TTL: 10 * time.Second, Wait: 2 * time.Second}
	store := mongo.NewStore(rt.DB, box, locks)
	if err := store.EnsureIndexes(ctx); err != nil {
		return nil, err
	}
	// A retired key stays published until the last token it signed expires.
	keys := service.NewKeyRing(store.SigningKeys, opts.Now, cfg.KeyPrepublish, cfg.AccessTTL+time.Minute)
	keys.Lock = locks.Lock
	if err := keys.Load(ctx); err != nil {
		return nil, err
	}
	// Every service reads this list; the gateway writes it, first to its
	// own database, and reads it too. It is restored before the first
	// request, so that a gateway starting on an empty Redis (or the
	// first gateway ever) serves no 503s for the missing marker.
	revocations, err := auth.NewRevocationList(auth.RevocationListConfig{
		Redis: rt.Redis, Prefix: cfg.RevocationPrefix, Lifetime: cfg.AccessTTL, Store: store.Revocations,
	})
	if err != nil {
		return nil, err
	}
	if _, _, err := revocations.RestoreIfLost(ctx); err != nil {
		return nil, err
	}
	pub, err := events.NewPublisher(rt.Redis, events.PublisherConfig{MaxLen: cfg.StreamMaxLen})
	if err != nil {
		return nil, fmt.Errorf("event publisher: %w", err)
	}
	relay := &events.Relayer{Outbox: store.Organisations, Sink: eventsadapter.Publisher{Events: pub, Stream: cfg.GatewayStream}, Logger: rt.Logger}
	statuses := &transport.OrgStatusCache{TTL: cfg.OrgStatusCache, Now: opts.Now}
	svc, err := service.New(serviceConfig(cfg), service.Deps{
		Users: store.Users, Organisations: store.Organisations, Invitations: store.Invitations,
		StatusOutbox: store.Organisations, Relay: relay, StatusChanged: statuses.Forget,
		RefreshTokens: store.RefreshTokens, Resets: store.Resets,
		CandidateAccounts: store.CandidateAccounts, CandidateInvitations: store.CandidateInvitations, Throttle: redis.NewThrottle(rt.Redis, cfg.MongoDB+":throttle:"),
		Revocations: revocations, Audit: rt.Logger.With("audit", true), Logger: rt.Logger,
		Keys: keys, Now: opts.Now, PasswordChecked: opts.PasswordChecked,
	})
	if err != nil {
		return nil, err
	}
	statuses.Lookup = svc.StatusOf
	if cfg.NotificationsURL == "" {
		rt.Logger.Warn("NOTIFICATIONS_URL is not set: account mails are not sent and /api/v1/notifications answers 503")
	} else {
		messages, err := notifications.New(firstURL(cfg.NotificationsURL), svc.OwnServiceToken, cfg.ProxyTimeout)
		if err != nil {
			return nil, err
		}
		svc.Messages = messages
	}
	candidatesClient, err := candidates.New(firstURL(cfg.CandidatesURL), svc.OwnServiceToken, cfg.ProxyTimeout)
	if err != nil {
		return nil, err
	}
	svc.Candidates = candidatesClient
	host, _ := os.Hostname()
	erasures, err := eventsadapter.ConsumeErasures(rt.Redis, cfg.CandidatesStream, host+"-gateway", rt.Logger, svc.EraseCandidateAccount)
	if err != nil {
		return nil, fmt.Errorf("candidates subscriber: %w", err)
	}
	if err := bootstrapAdmin(ctx, svc, cfg, opts, rt); err != nil {
		return nil, err
	}
	verifier, err := auth.NewVerifier(auth.VerifierConfig{
		Issuer: cfg.PublicURL, Audiences: []string{cfg.APIAudience}, Keys: keys, MaxLifetime: cfg.AccessTTL, Revocations: revocations,
	})
	if err != nil {
		return nil, err
	}
	// The gateway's own internal API takes service tokens meant for it;
	// it accepts users' tokens too, as the other services' verifiers do,
	// so that a user is told 403 rather than to sign in again.
	internalVerifier, err := auth.NewVerifier(auth.VerifierConfig{
		Issuer: cfg.PublicURL, Audiences: []string{cfg.APIAudience, "gateway"}, Keys: keys, MaxLifetime: cfg.AccessTTL, Revocations: revocations,
	})
	if err != nil {
		return nil, err
	}
	proxy := transport.NewProxy([]transport.Upstream{
		{Name: "employers", URL: cfg.EmployersURL}, {Name: "candidates", URL: cfg.CandidatesURL}, {Name: "matching", URL: cfg.MatchingURL},
		{Name: "notifications", URL: cfg.NotificationsURL}, {Name: "placements", URL: cfg.PlacementsURL},
		{Name: "insights", URL: cfg.InsightsURL},
	}, cfg.ProxyTimeout)
	transport.Register(rt.Server.App, transport.Deps{
		Service: svc, Keys: keys, Verifier: verifier, InternalVerifier: internalVerifier, Proxy: proxy,
		ServiceSecret: cfg.ServiceSecret, CORSOrigins: cfg.CORSOrigins, OrgStatus: statuses,
	})
	return &gateway{svc: svc, keys: keys, revocations: revocations, erasures: erasures}, nil
}

func serviceConfig(cfg Config) service.Config {
	return service.Config{
		Issuer: cfg.PublicURL, Audience: cfg.APIAudience, AccessTTL: cfg.AccessTTL, ServiceTokenTTL: cfg.ServiceTokenTTL,
		PasswordParams: password.Default, LoginIPLimit: cfg.LoginIPLimit, LoginWindow: cfg.LoginWindow,
		LoginAccount: service.BackoffPolicy{Free: cfg.LoginAccountLimit, Base: cfg.LoginDelay, Max: cfg.LoginDelayMax, Idle: cfg.LoginWindow},
		Abuse: service.AbuseLimits{
			SignupIPLimit: cfg.SignupIPLimit, SignupWindow: cfg.SignupWindow,
			InviteIPLimit: cfg.InviteIPLimit, InviteOrgLimit: cfg.InviteOrgLimit, InviteWindow: cfg.InviteWindow,
			ResetIPLimit: cfg.ResetIPLimit, ResetAddrLimit: cfg.ResetAddrLimit, ResetWindow: cfg.ResetWindow,
		},
		PublicURL:   cfg.PublicURL,
		SessionIdle: cfg.SessionIdle, SessionMax: cfg.SessionMax,
		CandidateJoinIPLimit: cfg.CandidateJoinIPLimit, CandidateJoinWindow: cfg.CandidateJoinWindow,
	}
}

// bootstrapAdmin creates the first administrator on an empty database and
// shows a generated password once, on the console rather than in the logs.
func bootstrapAdmin(ctx context.Context, svc *service.Service, cfg Config, opts Options, rt *platform.Runtime) error {
	res, err := svc.EnsureAdmin(ctx, cfg.AdminEmail, cfg.AdminPassword)
	if err != nil || !res.Created {
		return err
	}
	rt.Logger.Info("created the first administrator")
	if res.GeneratedPassword != "" && opts.Console != nil {
		fmt.Fprintf(opts.Console, "\n  First administrator created.\n  E-mail:   %s\n  Password: %s\n  (shown once; set ONWARD_ADMIN_PASSWORD to choose it yourself)\n\n", res.Email, res.GeneratedPassword)
	}
	return nil
}
