package app

import (
	"context"
	"io"
	"log/slog"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/platform"
	"github.com/onward-jobs/onward/pkg/redislock"
	"github.com/onward-jobs/onward/pkg/servicekit"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/matching/internal/adapters/announce"
	mongoadapter "github.com/onward-jobs/onward/services/matching/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/matching/internal/adapters/owners"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/feed"
	"github.com/onward-jobs/onward/services/matching/internal/results"
	"github.com/onward-jobs/onward/services/matching/internal/statements"
	transport "github.com/onward-jobs/onward/services/matching/internal/transport/http"
)

// Name is the service's name: its log label, metrics label and the audience
// of service tokens meant for it.
const Name = "matching"

// Run starts the matching service and blocks until ctx is cancelled. It
// reports ready only once the feed has loaded every candidate and role.
func Run(ctx context.Context, cfg Config, logOut io.Writer) error {
	svc, err := servicekit.Start(ctx, Name, cfg.Config, &cfg, logOut)
	if err != nil {
		return err
	}
	// The embedded vocabulary is parsed here, before the service reports
	// ready, so no request pays for it.
	taxonomy, places := skills.Default(), geo.Default()
	svc.Logger.Info("vocabulary loaded", "taxonomy_version", taxonomy.Version(),
		"skills", len(taxonomy.Skills()), "occupations", len(taxonomy.Occupations()), "places", places.Len())
	index := engine.NewIndex(taxonomy)
	tokens, err := auth.NewServiceTokenSource(auth.ServiceTokenConfig{
		GatewayURL: cfg.GatewayURL, ServiceName: Name, Secret: cfg.ServiceSecret,
	})
	if err != nil {
		_ = svc.Close()
		return err
	}
	owned, err := newOwners(cfg, tokens)
	if err != nil {
		_ = svc.Close()
		return err
	}
	store, err := mongoadapter.NewStore(ctx, svc.DB)
	if err != nil {
		_ = svc.Close()
		return err
	}
	pub, err := events.NewPublisher(svc.Redis, events.PublisherConfig{MaxLen: cfg.StreamMaxLen})
	if err != nil {
		_ = svc.Close()
		return err
	}
	// Gains of full matches and first shortlistings are announced off the
	// write path, best effort.
	announcer := announce.New(pub, cfg.MatchingStream, svc.Logger)
	// Every shortlist write records a fresh stamp first, so any instance's
	// API serves a list from memory only while it is the newest.
	stamps := results.RedisStamps{Redis: svc.Redis, Prefix: "onward:matching:shortlist-stamp:" + cfg.CandidatesStream + ":"}
	res, err := results.New(results.Deps{
		Index: index, Store: store, Logger: svc.Logger,
		Programmes: &owners.Training{Candidates: owned.candidates, TTL: time.Minute},
		RefKey:     results.RefKeyFrom(cfg.RefKey, cfg.ServiceSecret),
		Locks:      redislock.Locks{Redis: svc.Redis, Prefix: "onward:matching:lock:", TTL: 30 * time.Second, Wait: 10 * time.Second},
		CutoffTTL:  cfg.CutoffTTL,
		Announcer:  announcer,
		Now:        cfg.Clock,
		// Each candidate's first shortlisting is recorded beside the lists
		// and announced like the gains.
		Shortlistings: store, ShortlistingAnnouncer: announcer,
		Stamps: stamps,
	})
	if err != nil {
		_ = svc.Close()
		return err
	}
	// Which stored lists hold which ids is kept in memory: loaded before
	// the first change, refreshed periodically for other instances' writes.
	if err := res.RefreshMembership(ctx); err != nil {
		_ = svc.Close()
		return err
	}
	// Approved statements live beside the index, not in it (package
	// statements); the feed fills this store and the shortlist reads it.
	held := statements.New()
	fd, err := feed.New(feed.Config{
		CandidatesStream: cfg.CandidatesStream, RolesStream: cfg.RolesStream, InstanceID: cfg.InstanceID,
		ReconcileInterval: cfg.ReconcileInterval, Logger: svc.Logger,
	}, feed.Deps{Index: index, Candidates: owned.candidates, Roles: owned.roles, Results: res, Lists: res, Redis: svc.Redis,
		Statements: held})
	if err != nil {
		_ = svc.Close()
		return err
	}
	svc.Server.Health.AddCheck(httpx.Check{Name: "index", Probe: fd.Ready})
	transport.Register(svc.Server.App, transport.Deps{
		Verifier: svc.Verifier, Taxonomy: taxonomy, Places: places,
		Results: store, Shortlists: results.NewShortlistReader(store, stamps, cfg.ShortlistCache), PageCache: cfg.ShortlistPageCache,
		Index: index, Consent: owned.candidates, Status: transport.StatusFunc(flowStatus(fd)), Statements: held,
		Shortlistings: store, Logger: svc.Logger, WriteTimeout: cfg.WriteTimeout, Now: cfg.Clock,
	})
	// An instance alone wrote every stored list itself: it reloads the
	// membership only while other instances of this deployment (those
	// reading the same streams) beat.
	peers := results.Peers{Redis: svc.Redis, Key: "onward:matching:instances:" + cfg.CandidatesStream, Self: cfg.InstanceID, Every: cfg.MembershipRefresh}
	if _, err := peers.Beat(ctx); err != nil {
		svc.Logger.WarnContext(ctx, "matching heartbeat failed", "error", err.Error())
	}
	refresh := platform.Every(cfg.MembershipRefresh, func(ctx context.Context) {
		if others, err := peers.Beat(ctx); err == nil && !others {
			return
		}
		if err := res.RefreshMembership(ctx); err != nil && ctx.Err() == nil {
			svc.Logger.WarnContext(ctx, "matching membership refresh failed", "error", err.Error())
		}
	})
	return svc.Serve(ctx, fd.Run, res.RunSuggestions, announcer.Run, refresh, recomputeOutdated(fd, res, svc.Logger))
}

// outdatedPoll is how often recomputeOutdated looks whether the index has
// loaded.
const outdatedPoll = time.Second

// recomputeOutdated returns a worker that, once the feed has loaded the
// index, recomputes the stored lists whose explanations are of an earlier
// layout (results.RecomputeOutdated), once, and returns.
func recomputeOutdated(fd *feed.Feed, res *results.Results, log *slog.Logger) func(context.Context) error {
	return func(ctx context.Context) error {
		t := time.NewTicker(outdatedPoll)
		defer t.Stop()
		for fd.Ready(ctx) != nil {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-t.C:
			}
		}
		n, err := res.RecomputeOutdated(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			log.WarnContext(ctx, "recomputing lists of an earlier layout failed; their next change rewrites them", "lists", n, "error", err.Error())
		case n > 0:
			log.InfoContext(ctx, "lists of an earlier layout recomputed", "lists", n)
		}
		return nil
	}
}

// ownerClients are the clients of the services that own candidates and
// roles.
type ownerClients struct {
	candidates *owners.Candidates
	roles      *owners.Roles
}

// newOwners builds the owner clients, with service tokens from the
// gateway.
func newOwners(cfg Config, tokens *auth.ServiceTokenSource) (ownerClients, error) {
	opts := owners.Options{Timeout: cfg.OwnerTimeout}
	candidates, err := owners.NewCandidates(cfg.CandidatesURL, tokens, opts)
	if err != nil {
		return ownerClients{}, err
	}
	roles, err := owners.NewRoles(cfg.EmployersURL, tokens, opts)
	if err != nil {
		return ownerClients{}, err
	}
	return ownerClients{candidates: candidates, roles: roles}, nil
}

// flowStatus converts the feed's view of itself into the status page's.
func flowStatus(fd *feed.Feed) func(ctx context.Context) (transport.FlowStatus, error) {
	return func(ctx context.Context) (transport.FlowStatus, error) {
		out := transport.FlowStatus{Instance: fd.InstanceID()}
		if r, ok := fd.LastReconciliation(); ok {
			out.LastReconciliation = &transport.Reconciliation{At: r.At, Took: r.Took, Fetched: r.Fetched, Removed: r.Removed}
		}
		streams, err := fd.StreamStatus(ctx)
		if err != nil {
			return out, err
		}
		for _, s := range streams {
			out.Streams = append(out.Streams, transport.StreamLag{Stream: s.Stream, Group: s.Group, Lag: s.Lag, Pending: s.Pending})
		}
		return out, nil
	}
}
