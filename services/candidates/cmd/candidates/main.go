// Command candidates runs Onward's candidates service: candidates,
// programmes, hours, attestations, availability and restrictions.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/onward-jobs/onward/pkg/config"
	"github.com/onward-jobs/onward/pkg/healthcheck"
	"github.com/onward-jobs/onward/services/candidates"
)

func main() {
	healthcheck.RunIfRequested(os.Args, envOr("HTTP_ADDR", ":8082"))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := candidates.Run(ctx, config.Environ(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "candidates:", err)
		os.Exit(1)
	}
}

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}
