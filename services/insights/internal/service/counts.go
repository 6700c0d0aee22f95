package service

import (
	"context"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// Counts reads the pre-aggregated counts a report is built from: the
// living and the anonymous counts of the cells, day histograms and
// per-employer cells of one scope (an organisation id or
// domain.PlatformScope) and range of whole months, both included.
type Counts interface {
	ScopeCounts(ctx context.Context, scope string, from, to domain.Month) (domain.Counts, error)
}
