// Package candidates is the public entry of the Onward candidates service, so the
// local launcher can run it in-process. Production runs cmd/candidates.
package candidates

import (
	"context"
	"io"

	"github.com/onward-jobs/onward/services/candidates/internal/app"
)

// Run loads the configuration from environ and runs the candidates service
// until ctx is cancelled. Logs go to logOut.
func Run(ctx context.Context, environ map[string]string, logOut io.Writer) error {
	cfg, err := app.LoadConfig(environ)
	if err != nil {
		return err
	}
	return app.Run(ctx, cfg, logOut)
}
