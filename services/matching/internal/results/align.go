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
// them, reaches the lists. It returns how many lists or ids it corrected;
// lists the index agrees with are not touched.
//
// It compares the index with the membership in memory, read from the
// store before its first use, and does not read it again: that reread
// decodes every stored list on FerretDB v1 (8 s at 20,000
// candidates), and Align runs after every reconciliation, so the reread
// landed in the role changes of every half minute and made their slowest
// moments. The membership is current without it: an instance alone wrote
// every list itself, and while others beat the membership refresh rereads
// it (Peers), so a list another instance wrote is aligned at the first
// reconciliation after the next refresh, and by that instance at its own
// next one. A removal asks the store in any case (CandidateRemoved).
func (r *Results) Align(ctx context.Context) (int, error) {
	if err := r.ensureMembership(ctx); err != nil {
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
