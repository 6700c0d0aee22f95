// Package web is the public entry of the Onward web app, so the local
// launcher can run it in-process. Production runs cmd/web.
package web

import (
	"context"
	"io"

	"github.com/onward-jobs/onward/services/web/internal/app"
)

// Run loads the configuration from environ and serves the web app until
// ctx is cancelled. Logs go to logOut.
func Run(ctx context.Context, environ map[string]string, logOut io.Writer) error {
	cfg, err := app.LoadConfig(environ)
	if err != nil {
		return err
	}
	return app.Run(ctx, cfg, logOut)
}
