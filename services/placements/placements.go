// Package placements is the public entry of the Onward placements
// service, so the local launcher can run it in-process. Production runs
// cmd/placements.
package placements

import (
	"context"
	"io"
	"time"

	"github.com/onward-jobs/onward/services/placements/internal/app"
)

// Run loads the configuration from environ and runs the placements
// service until ctx is cancelled. Logs go to logOut.
func Run(ctx context.Context, environ map[string]string, logOut io.Writer) error {
	return RunWithClock(ctx, environ, logOut, nil)
}

// RunWithClock is Run with the service's clock set (nil: the wall
// clock), so an in-process platform test can move time to expiries and
// follow-ups.
func RunWithClock(ctx context.Context, environ map[string]string, logOut io.Writer, clock func() time.Time) error {
	cfg, err := app.LoadConfig(environ)
	if err != nil {
		return err
	}
	cfg.Clock = clock
	return app.Run(ctx, cfg, logOut)
}
