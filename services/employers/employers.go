// Package employers is the public entry of the Onward employers service, so the
// local launcher can run it in-process. Production runs cmd/employers.
package employers

import (
	"context"
	"io"

	"github.com/onward-jobs/onward/services/employers/internal/app"
)

// Run loads the configuration from environ and runs the employers service
// until ctx is cancelled. Logs go to logOut.
func Run(ctx context.Context, environ map[string]string, logOut io.Writer) error {
	cfg, err := app.LoadConfig(environ)
	if err != nil {
		return err
	}
	return app.Run(ctx, cfg, logOut)
}
