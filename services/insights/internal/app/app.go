package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/platform"
	"github.com/onward-jobs/onward/pkg/redislock"
	"github.com/onward-jobs/onward/pkg/servicekit"
	directoryadapter "github.com/onward-jobs/onward/services/insights/internal/adapters/directory"
	eventsadapter "github.com/onward-jobs/onward/services/insights/internal/adapters/events"
	mongoadapter "github.com/onward-jobs/onward/services/insights/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/insights/internal/adapters/peers"
	"github.com/onward-jobs/onward/services/insights/internal/service"
	transport "github.com/onward-jobs/onward/services/insights/internal/transport/http"
)

// Name is the service's name: its log label, metrics label and the
// audience of service tokens meant for it.
const Name = "insights"

// Run starts the insights service and blocks until ctx is cancelled.
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
	owners, err := peers.New(peers.URLs{Candidates: cfg.CandidatesURL, Matching: cfg.MatchingURL, Placements: cfg.PlacementsURL,
		Employers: cfg.EmployersURL, Gateway: cfg.GatewayURL}, tokens, peers.Options{Timeout: cfg.PeerTimeout})
	if err != nil {
		return fail(err)
	}
	insights := service.New(service.Deps{Store: store, Owners: owners, Logger: svc.Logger, Clock: cfg.Clock,
		Lock:  redislock.Locks{Redis: svc.Redis, Prefix: "onward:insights:lock:", TTL: cfg.LockTTL, Wait: cfg.LockWait},
		Chunk: cfg.CommitChunk, Fetchers: cfg.OwnerConcurrency})
	host, _ := os.Hostname()
	// A change interrupted by a crash is finished by the first batch,
	// pass or rebuild that takes the absorber lock; recovering here as
	// well must not stop the start while a killed process's lock lasts.
	recoverWhenFree := func(ctx context.Context) error {
		for ctx.Err() == nil {
			err := insights.Recover(ctx)
			if err == nil {
				return nil
			}
			svc.Logger.Warn("insights: recovery waits", "error", err)
			select {
			case <-ctx.Done():
			case <-time.After(5 * time.Second):
			}
		}
		return nil
	}
	workers := []func(context.Context) error{recoverWhenFree, insights.Maintain,
		platform.EveryLogged(svc.Logger, cfg.PassInterval, "refolded the candidates whose day came", insights.Pass)}
	for _, stream := range cfg.streams() {
		run, err := eventsadapter.Subscribe(svc.Redis, eventsadapter.Config{Stream: stream, Consumer: host + "-" + Name,
			Batch: cfg.EventsBatch, Logger: svc.Logger, OnGroupRecreated: insights.RequestRebuild}, insights.Absorb)
		if err != nil {
			return fail(fmt.Errorf("%s subscriber: %w", stream, err))
		}
		workers = append(workers, run)
	}
	directory, err := directoryadapter.New(directoryadapter.URLs{Gateway: cfg.GatewayURL, Candidates: cfg.CandidatesURL}, tokens, nil, cfg.PeerTimeout)
	if err != nil {
		return fail(err)
	}
	maxAge := cfg.ReportMaxAge
	if maxAge == 0 {
		maxAge = -1 // none kept
	}
	transport.Register(svc.Server.App, transport.Deps{Verifier: svc.Verifier, Counts: store, Shares: mongoadapter.NewShares(svc.DB),
		Directory: directory, Logger: svc.Logger, Clock: cfg.Clock, ReportMaxAge: maxAge,
		Rebuilder: checkedRebuild{service: insights, dump: store}})
	return svc.Serve(ctx, workers...)
}

// checkedRebuild is a rebuild that compares the counts before and after
// (service.RebuildAndCheck), reading them from the store.
type checkedRebuild struct {
	service *service.Service
	dump    service.CountsDump
}

// RebuildAndCheck rebuilds and says what differed.
func (r checkedRebuild) RebuildAndCheck(ctx context.Context) (service.RebuildCheck, error) {
	return r.service.RebuildAndCheck(ctx, r.dump)
}
