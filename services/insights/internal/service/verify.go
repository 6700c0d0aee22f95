package service

import (
	"context"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// CountsDump reads every living count of the live generation: a scan for
// checks, never for a report. The Mongo store implements it.
type CountsDump interface {
	All(ctx context.Context, anonymous bool) (domain.Counts, error)
}

// RebuildCheck is what a checked rebuild found: how many candidates the
// owners listed, and how many counts (cells, day histogram entries and
// per-employer cells) the rebuild gave a value different from the one
// absorbing events had reached.
type RebuildCheck struct {
	Candidates  int `json:"candidates"`
	Differences int `json:"differences"`
}

// RebuildAndCheck rebuilds the read model from the owners' listings, as
// Rebuild does, and compares the living counts before and after, key by
// key. Run when no event is in flight (an operator's check, or a test's
// after the platform has settled), any difference is a count the
// incremental path got wrong; the rebuilt counts stay, being the owners'
// truth.
func (s *Service) RebuildAndCheck(ctx context.Context, dump CountsDump) (RebuildCheck, error) {
	before, err := dump.All(ctx, false)
	if err != nil {
		return RebuildCheck{}, err
	}
	if err := s.Rebuild(ctx); err != nil {
		return RebuildCheck{}, err
	}
	after, err := dump.All(ctx, false)
	if err != nil {
		return RebuildCheck{}, err
	}
	meta, err := s.d.Store.Meta(ctx)
	if err != nil {
		return RebuildCheck{}, err
	}
	ids, err := s.d.Store.StoredIDs(ctx, meta.Generation)
	if err != nil {
		return RebuildCheck{}, err
	}
	return RebuildCheck{Candidates: len(ids),
		Differences: differing(before.Cells, after.Cells) + differing(before.Days, after.Days) + differing(before.Employers, after.Employers)}, nil
}

// differing counts the keys whose values differ between a and b.
func differing[K comparable](a, b map[K]int) int {
	n := 0
	for k, v := range a {
		if b[k] != v {
			n++
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			n++
		}
	}
	return n
}
