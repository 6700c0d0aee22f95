package results

// Memberships returns what r holds in memory of which stored lists hold
// which ids, for tests: shortlists by role, suggestions by candidate.
func (r *Results) Memberships() (shortlists, suggestions map[string][]string) {
	return r.shortMembers.snapshot(), r.suggMembers.snapshot()
}
