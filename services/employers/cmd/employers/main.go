// Command employers runs Onward's employers service: employers and the roles
// they post.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/onward-jobs/onward/pkg/config"
	"github.com/onward-jobs/onward/pkg/healthcheck"
	"github.com/onward-jobs/onward/services/employers"
)

func main() {
	healthcheck.RunIfRequested(os.Args, envOr("HTTP_ADDR", ":8081"))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := employers.Run(ctx, config.Environ(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "employers:", err)
		os.Exit(1)
	}
}

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}
