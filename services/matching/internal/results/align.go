package results

import (
	"context"
	"errors"
	"fmt"
)

// Align brings the stored lists in line with the index where they hold
// what the index no longer does: a shortlist of a role the index does not
// hold open is deleted, a candidate the index does not hold leaves every
// shortlist and loses its suggestions, and a role it does not hold leaves
// every candidate's suggestions. A change whose event was lost (a
// withdrawal of consent just before a restart, say) reaches the index
// through the load or a reconciliation but no list; Align, run after
// them, reaches the lists. It reads the membership from the store first,
// so lists other instances wrote count, and it returns how many lists or
// ids it corrected. Lists the index agrees with are not touched.
func (r *Results) Align(ctx context.Context) (int, error) {
	if err := r.RefreshMembership(ctx); err != nil {
		return 0, fmt.Errorf("align stored lists: %w", err)
	}
	candidates, roles := r.ix.Versions()
	strayCands, strayRoles := map[string]bool{}, map[string]bool{}
	for role, members := range r.shortMembers.snapshot() {
		if _, ok := roles[role]; !ok {
			strayRoles[role] = true
		}
		for _, c := range members {
			if _, ok := candidates[c]; !ok {
				strayCands[c] = true
			}
		}
	}
	for cand, members := range r.suggMembers.snapshot() {
		if _, ok := candidates[cand]; !ok {
			strayCands[cand] = true
		}
		for _, role := range members {
			if _, ok := roles[role]; !ok {
				strayRoles[role] = true
			}
		}
	}
	var failed []error
	for _, id := range sortedKeys(strayCands) {
		if err := r.CandidateRemoved(ctx, id); err != nil {
			failed = append(failed, err)
		}
	}
	for _, id := range sortedKeys(strayRoles) {
		if err := r.RoleRemoved(ctx, id); err != nil {
			failed = append(failed, err)
		}
	}
	return len(strayCands) + len(strayRoles), errors.Join(failed...)
}
