// Package candidates is the public entry of the Onward candidates service, so the
// local launcher can run it in-process. Production runs cmd/candidates.
package candidates

import (
	"context"
	"io"
	"time"

	"github.com/onward-jobs/onward/services/candidates/internal/app"
)

// Run loads the configuration from environ and runs the candidates service
// until ctx is cancelled. Logs go to logOut.
func Run(ctx context.Context, environ map[string]string, logOut io.Writer) error {
	return RunWithClock(ctx, environ, logOut, nil)
}

// RunWithClock is Run with the service's clock set (nil: the wall clock),
// so an in-process platform test can register candidates and record
// consent in the past: every time the service stores comes from clock.
func RunWithClock(ctx context.Context, environ map[string]string, logOut io.Writer, clock func() time.Time) error {
	cfg, err := app.LoadConfig(environ)
	if err != nil {
		return err
	}
	cfg.Clock = clock
	return app.Run(ctx, cfg, logOut)
}
