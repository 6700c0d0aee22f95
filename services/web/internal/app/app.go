package app

import (
	"context"
	"io"
	"strings"

	"github.com/onward-jobs/onward/pkg/platform"
	"github.com/onward-jobs/onward/services/web/internal/kit"
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
		CSRFKey: cfg.CSRFKey, Locales: locales,
	}
	routes(rt.Server.App, kit.New(deps))
	return rt.Serve(ctx)
}
