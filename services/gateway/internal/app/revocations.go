package app

import (
	"context"
	"log/slog"

	"github.com/onward-jobs/onward/pkg/auth"
)

// restoreRevocations is the job that writes the revocation list back into
// Redis from MongoDB whenever Redis has lost it (restarted empty), so that
// a logout or a removed member's access is never undone by a Redis
// restart. Every replica runs it; restoring is idempotent. A failure is
// retried on the next round; meanwhile verifiers refuse user tokens with
// 503 rather than let a revoked one through.
func restoreRevocations(list *auth.RevocationList, logger *slog.Logger) func(context.Context) {
	return func(ctx context.Context) {
		restored, lost, err := list.RestoreIfLost(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			logger.WarnContext(ctx, "restore the revocation list into Redis failed", "error", err.Error())
		case lost && err == nil:
			logger.InfoContext(ctx, "restored the revocation list into Redis", "count", restored)
		}
	}
}
