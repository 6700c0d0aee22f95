package domain

import (
	"fmt"
	"slices"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Filled is how many of the role's positions placements have taken.
func (r Role) Filled() int { return len(r.Placements) }

// maxPlacementID bounds a placement id.
const maxPlacementID = 100

// RecordPlacement counts a hire on the role, once per placement: a
// placement counted already changes nothing and reports false. A draft
// role was never open and a closed one is over, so both refuse a hire
// (errs.Conflict). When the hires reach the role's positions an open or
// paused role becomes filled, at now.
func (r *Role) RecordPlacement(placementID string, now time.Time) (bool, error) {
	switch {
	case placementID == "":
		return false, errs.Invalid("placement_id", "is required")
	case len(placementID) > maxPlacementID:
		return false, errs.Invalid("placement_id", "is longer than %d characters", maxPlacementID)
	case slices.Contains(r.Placements, placementID):
		return false, nil
	case r.Status == StatusDraft || r.Status == StatusClosed:
		return false, fmt.Errorf("a %s role cannot take a hire: %w", r.Status, errs.Conflict)
	}
	r.Placements = append(r.Placements, placementID)
	if r.Filled() >= r.Spec.Positions && (r.Status == StatusOpen || r.Status == StatusPaused) {
		r.SetStatus(StatusFilled, now)
	}
	return true, nil
}
