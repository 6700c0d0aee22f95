package app

import (
	"context"
	"io"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/servicekit"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/matching/internal/adapters/owners"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/feed"
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
	fd, err := newFeed(cfg, svc, index, noResults{})
	if err != nil {
		_ = svc.Close()
		return err
	}
	svc.Server.Health.AddCheck(httpx.Check{Name: "index", Probe: fd.Ready})
	transport.Register(svc.Server.App, transport.Deps{Verifier: svc.Verifier, Taxonomy: taxonomy, Places: places})
	// TODO(issue 6 wiring): build results.New(...) over index and the
	// Mongo store, pass it to newFeed instead of noResults{}, and mount the
	// shortlist, suggestion and status routes with index and fd (status:
	// fd.LastReconciliation, fd.StreamStatus, fd.InstanceID, index.Stats).
	return svc.Serve(ctx, fd.Run)
}

// newFeed builds the owner clients, with service tokens from the gateway,
// and the feed that keeps index in step with them.
func newFeed(cfg Config, svc *servicekit.Service, index *engine.Index, results feed.Results) (*feed.Feed, error) {
	tokens, err := auth.NewServiceTokenSource(auth.ServiceTokenConfig{
		GatewayURL: cfg.GatewayURL, ServiceName: Name, Secret: cfg.ServiceSecret,
	})
	if err != nil {
		return nil, err
	}
	opts := owners.Options{Timeout: cfg.OwnerTimeout}
	candidates, err := owners.NewCandidates(cfg.CandidatesURL, tokens, opts)
	if err != nil {
		return nil, err
	}
	roles, err := owners.NewRoles(cfg.EmployersURL, tokens, opts)
	if err != nil {
		return nil, err
	}
	return feed.New(feed.Config{
		CandidatesStream: cfg.CandidatesStream, RolesStream: cfg.RolesStream, InstanceID: cfg.InstanceID,
		ReconcileInterval: cfg.ReconcileInterval, Logger: svc.Logger,
	}, feed.Deps{Index: index, Candidates: candidates, Roles: roles, Results: results, Redis: svc.Redis})
}

// noResults stands in for the stored shortlists and suggestions until they
// are wired: the index is kept in step, nothing is recomputed.
//
// TODO(issue 6 wiring): remove once results.New is passed to newFeed.
type noResults struct{}

func (noResults) RoleChanged(context.Context, string) error      { return nil }
func (noResults) RoleRemoved(context.Context, string) error      { return nil }
func (noResults) CandidateChanged(context.Context, string) error { return nil }
func (noResults) CandidateRemoved(context.Context, string) error { return nil }
