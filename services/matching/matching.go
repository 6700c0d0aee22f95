// Package matching is the public entry of the Onward matching service, so the
// local launcher can run it in-process. Production runs cmd/matching.
package matching

import (
	"context"
	"io"
	"time"

	"github.com/onward-jobs/onward/services/matching/internal/app"
)

// Run loads the configuration from environ and runs the matching service
// until ctx is cancelled. Logs go to logOut.
func Run(ctx context.Context, environ map[string]string, logOut io.Writer) error {
	return RunWithClock(ctx, environ, logOut, nil)
}

// RunWithClock is Run with the service's clock set (nil: the wall
// clock), so an in-process platform test decides the day scores count
// from, the stored lists' computed_at and the time of each candidate's
// first shortlisting.
func RunWithClock(ctx context.Context, environ map[string]string, logOut io.Writer, clock func() time.Time) error {
	cfg, err := app.LoadConfig(environ)
	if err != nil {
		return err
	}
	cfg.Clock = clock
	return app.Run(ctx, cfg, logOut)
}
