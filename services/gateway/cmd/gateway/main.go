// Command gateway runs Onward's public entry point: sign-in, organisations,
// token issuing, the web UI and the reverse proxy to the other services.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/onward-jobs/onward/pkg/config"
	"github.com/onward-jobs/onward/pkg/healthcheck"
	"github.com/onward-jobs/onward/services/gateway"
)

func main() {
	healthcheck.RunIfRequested(os.Args, envOr("HTTP_ADDR", ":8080"))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := gateway.Run(ctx, config.Environ(), os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gateway:", err)
		os.Exit(1)
	}
}

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}
