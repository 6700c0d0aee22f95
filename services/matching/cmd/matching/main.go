// Command matching runs Onward's matching service: shortlists of candidates
// for roles and suggestions of roles for candidates.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/onward-jobs/onward/pkg/config"
	"github.com/onward-jobs/onward/pkg/healthcheck"
	"github.com/onward-jobs/onward/services/matching"
)

func main() {
	healthcheck.RunIfRequested(os.Args, envOr("HTTP_ADDR", ":8083"))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := matching.Run(ctx, config.Environ(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "matching:", err)
		os.Exit(1)
	}
}

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}
