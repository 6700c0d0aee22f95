// Package notifications is the public entry of the Onward notifications
// service, so the local launcher can run it in-process. Production runs
// cmd/notifications.
package notifications

import (
	"context"
	"io"

	"github.com/onward-jobs/onward/services/notifications/internal/app"
)

// Run loads the configuration from environ and runs the notifications
// service until ctx is cancelled. Logs go to logOut.
func Run(ctx context.Context, environ map[string]string, logOut io.Writer) error {
	cfg, err := app.LoadConfig(environ)
	if err != nil {
		return err
	}
	return app.Run(ctx, cfg, logOut)
}
