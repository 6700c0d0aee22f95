package app

import (
	"context"
	"io"

	"github.com/onward-jobs/onward/pkg/servicekit"
)

// Name is the service's name: its log label, metrics label and the audience
// of service tokens meant for it.
const Name = "candidates"

// Run starts the candidates service and blocks until ctx is cancelled.
func Run(ctx context.Context, cfg Config, logOut io.Writer) error {
	svc, err := servicekit.Start(ctx, Name, cfg.Config, &cfg, logOut)
	if err != nil {
		return err
	}
	// Later issues mount the portfolio routes here, under /api/v1 behind
	// auth.Middleware(svc.Verifier).
	return svc.Serve(ctx)
}
