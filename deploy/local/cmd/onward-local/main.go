// Command onward-local runs the whole Onward platform in one process for
// development, with embedded stores and data kept in ./data (or
// ONWARD_DATA_DIR). `make run` starts it. See the launcher package.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/onward-jobs/onward/deploy/local"
	"github.com/onward-jobs/onward/pkg/config"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	servePprof()
	// After the first signal, restore the default handling, so a second
	// Ctrl-C ends a shutdown that hangs.
	go func() {
		<-ctx.Done()
		stop()
	}()
	if err := launcher.Run(ctx, config.Environ(), os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "onward-local:", err)
		os.Exit(1)
	}
}
