// Command gateway runs Onward's public entry point: sign-in, organisations,
// token issuing and JWKS, and the reverse proxy for /api/v1 to the other
// services. The web app is services/web.
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
