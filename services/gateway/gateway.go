// Package gateway is the public entry of the Onward gateway service, so the
// local launcher can run it in-process. Production runs cmd/gateway.
package gateway

import (
	"context"
	"io"

	"github.com/onward-jobs/onward/services/gateway/internal/app"
)

// Run loads the configuration from environ and runs the gateway until ctx
// is cancelled. Logs go to logOut; the one-time administrator password, if
// one is generated, goes to console.
func Run(ctx context.Context, environ map[string]string, logOut, console io.Writer) error {
	cfg, err := app.LoadConfig(environ)
	if err != nil {
		return err
	}
	return app.Run(ctx, cfg, app.Options{LogOutput: logOut, Console: console})
}
