// Command gateway runs Onward's public entry point: sign-in, organisations,
// token issuing, the web UI and the reverse proxy to the other services.
package main

import (
	"context"
	"io"
	"os"

	"github.com/onward-jobs/onward/pkg/platform"
	"github.com/onward-jobs/onward/services/gateway"
)

func main() {
	platform.Main("gateway", ":8080", func(ctx context.Context, environ map[string]string, logOut io.Writer) error {
		// The one-time administrator password goes to the console, not the logs.
		return gateway.Run(ctx, environ, logOut, os.Stderr)
	})
}
