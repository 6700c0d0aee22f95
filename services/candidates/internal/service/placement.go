package service

import (
	"context"
	"fmt"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// PlacementUpdate is what the placements service says of a candidate's
// placement: which placement, whether it is on (placed) and whether the
// candidate still looks for work besides it.
type PlacementUpdate struct {
	PlacementID  string
	Placed       bool
	StillLooking bool
}

// SetPlacement records, for the placements service, that a candidate was
// placed (or is no longer), and whether they still look for work. The
// candidate's version moves on and candidate.changed tells matching, which
// leaves a placed candidate who is not still looking out of every
// shortlist and suggestion. Repeating the same update changes nothing, so
// the placements service may retry it. Ending a placement other than the
// candidate's current one is ignored: a newer placement stands.
func (s *Service) SetPlacement(ctx context.Context, p auth.Principal, candidateID string, u PlacementUpdate) (domain.Candidate, error) {
	if err := requireService(p); err != nil {
		return domain.Candidate{}, err
	}
	if u.PlacementID == "" {
		return domain.Candidate{}, errs.Invalid("placement_id", "is required")
	}
	if len(u.PlacementID) > 100 {
		return domain.Candidate{}, errs.Invalid("placement_id", "is longer than 100 characters")
	}
	c, err := s.Candidates.Candidate(ctx, candidateID)
	if err != nil {
		return domain.Candidate{}, err
	}
	next := placementAfter(c.Placement, u)
	if samePlacement(c.Placement, next) {
		return c, nil
	}
	prev := c.Version
	c.Version++
	c.UpdatedAt = s.now()
	if next != nil {
		next.UpdatedAt = c.UpdatedAt
	}
	c.Placement = next
	ch, err := s.change(p, c, EventCandidateChanged, domain.ActionUpdate, domain.PurposeCaseWork, u.PlacementID, domain.ChangePlacement)
	if err != nil {
		return domain.Candidate{}, err
	}
	if err := s.Candidates.UpdateCandidate(ctx, c, prev, ch); err != nil {
		return domain.Candidate{}, fmt.Errorf("set placement of candidate %s: %w", candidateID, err)
	}
	s.deliver(ctx, ch)
	return c, nil
}

// placementAfter is the candidate's placement once u applies to cur.
func placementAfter(cur *domain.Placement, u PlacementUpdate) *domain.Placement {
	if !u.Placed {
		if cur != nil && cur.PlacementID != u.PlacementID {
			return cur
		}
		return nil
	}
	return &domain.Placement{PlacementID: u.PlacementID, StillLooking: u.StillLooking}
}

func samePlacement(a, b *domain.Placement) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.PlacementID == b.PlacementID && a.StillLooking == b.StillLooking
}
