// Package insights is the public entry of the Onward outcomes and
// fairness service, so the local launcher can run it in-process.
// Production runs cmd/insights.
//
// The service keeps a read model of what happened to the people a
// programme registered (shortlists, requests to meet, hires and whether
// they kept the job), counted by month and by dimension, from the
// owners' events and facts; its published counts never identify a
// person (see docs/insights.md).
package insights

import (
	"context"
	"io"
	"time"

	"github.com/onward-jobs/onward/services/insights/internal/app"
)

// Run loads the configuration from environ and runs the insights service
// until ctx is cancelled. Logs go to logOut.
func Run(ctx context.Context, environ map[string]string, logOut io.Writer) error {
	return RunWithClock(ctx, environ, logOut, nil)
}

// RunWithClock is Run with the service's clock set (nil: the wall
// clock), so an in-process platform test can move time to days 30, 90
// and 180 of a placement.
func RunWithClock(ctx context.Context, environ map[string]string, logOut io.Writer, clock func() time.Time) error {
	cfg, err := app.LoadConfig(environ)
	if err != nil {
		return err
	}
	cfg.Clock = clock
	return app.Run(ctx, cfg, logOut)
}
