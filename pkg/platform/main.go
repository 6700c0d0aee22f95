package platform

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/onward-jobs/onward/pkg/config"
	"github.com/onward-jobs/onward/pkg/healthcheck"
)

// RunFunc runs a service with the given environment until ctx ends.
type RunFunc func(ctx context.Context, environ map[string]string, logOut io.Writer) error

// Main is the whole of a service's main function. `<binary> healthcheck`
// probes the running service's /readyz (distroless images have no curl);
// otherwise it runs the service until SIGINT or SIGTERM and exits non-zero
// if the service failed. defaultAddr is the address used when HTTP_ADDR is
// unset.
func Main(name, defaultAddr string, run RunFunc) {
	addr := os.Getenv("HTTP_ADDR")
	if addr == "" {
		addr = defaultAddr
	}
	healthcheck.RunIfRequested(os.Args, addr)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, config.Environ(), os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		os.Exit(1)
	}
}
