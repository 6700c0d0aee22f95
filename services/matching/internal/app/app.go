package app

import (
	"context"
	"io"

	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/servicekit"
	"github.com/onward-jobs/onward/pkg/skills"
	transport "github.com/onward-jobs/onward/services/matching/internal/transport/http"
)

// Name is the service's name: its log label, metrics label and the audience
// of service tokens meant for it.
const Name = "matching"

// Run starts the matching service and blocks until ctx is cancelled.
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
	transport.Register(svc.Server.App, transport.Deps{Verifier: svc.Verifier, Taxonomy: taxonomy, Places: places})
	// Later issues mount the shortlist and suggestion routes beside these.
	return svc.Serve(ctx)
}
