package app

import (
	"context"
	"io"
	"strings"

	"github.com/onward-jobs/onward/pkg/platform"
	"github.com/onward-jobs/onward/services/web/internal/kit"
	"github.com/onward-jobs/onward/services/web/internal/site"
)

// Run starts the web app and blocks until ctx is cancelled.
func Run(ctx context.Context, cfg Config, logOut io.Writer) error {
	rt, err := platform.StartWithoutStore(ctx, "web", cfg.Server, &cfg, logOut)
	if err != nil {
		return err
	}
	deps := kit.Deps{
		Logger: rt.Logger, Redis: rt.Redis, SessionPrefix: cfg.SessionPrefix,
		PublicURL: strings.TrimRight(cfg.PublicURL, "/"), APIURL: strings.TrimRight(cfg.APIURL, "/"),
		Locales: locales,
	}
	routes(rt.Server.App, kit.New(deps))
	// The pages not yet moved into internal/pages (transition).
	site.Register(rt.Server.App, site.Deps{
		Logger: deps.Logger, Redis: deps.Redis, SessionPrefix: deps.SessionPrefix,
		PublicURL: deps.PublicURL, APIURL: deps.APIURL,
	})
	return rt.Serve(ctx)
}
