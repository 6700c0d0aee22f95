package results

import (
	"context"
	"fmt"

	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// queueSuggestionsFor queues the suggestions of every candidate whose
// stored list holds the role, and of every candidate the role's score may
// now place in its top 50.
func (r *Results) queueSuggestionsFor(ctx context.Context, roleID string, today engine.Day) error {
	holding := r.suggMembers.listsWith(roleID)
	touched := map[string]bool{}
	for _, id := range holding {
		touched[id] = true
	}
	eligible := r.eligibleCandidates(roleID, today)
	ids := make([]string, 0, len(eligible))
	for _, e := range eligible {
		if !touched[e.ID] {
			ids = append(ids, e.ID)
		}
	}
	cuts, err := r.suggCuts.get(ctx, ids)
	if err != nil {
		return fmt.Errorf("suggestion cut-offs: %w", err)
	}
	for _, e := range eligible {
		asRole := engine.Entry{ID: roleID, Score: e.Score, Match: e.Match}
		if c, ok := cuts[e.ID]; !ok || mayEnter(asRole, c) {
			touched[e.ID] = true
		}
	}
	r.queue.add(sortedKeys(touched)...)
	return nil
}

// eligibleCandidates returns every candidate the role is open to, with its
// score, or nothing for a role the index does not hold.
func (r *Results) eligibleCandidates(roleID string, today engine.Day) []engine.Entry {
	if _, ok := r.ix.Role(roleID); !ok {
		return nil
	}
	n := r.ix.Stats().Candidates
	if n == 0 {
		return nil
	}
	return r.ix.Shortlist(roleID, n, today)
}

// refreshSuggestions recomputes a candidate's stored suggestions under the
// candidate's lock, or deletes them when the index no longer holds it.
func (r *Results) refreshSuggestions(ctx context.Context, candidateID string, today engine.Day) error {
	unlock, err := r.locks.Lock(ctx, "matching/suggestions/"+candidateID)
	if err != nil {
		return fmt.Errorf("lock suggestions: %w", err)
	}
	defer unlock()
	cand, ok := r.ix.Candidate(candidateID)
	if !ok {
		return r.deleteSuggestionsLocked(ctx, candidateID)
	}
	s := r.computeSuggestions(ctx, cand, today)
	if len(s.Entries) == 0 {
		// No list is stored for a candidate nothing suits.
		if r.written.same(candidateID, 0) {
			return nil
		}
		return r.deleteSuggestionsLocked(ctx, candidateID)
	}
	fp := s.fingerprint(cand.Version, r.roleVersion)
	if r.written.same(candidateID, fp) {
		return nil
	}
	before := r.fullMatchesBefore(ctx, SuggestionsKind, candidateID)
	if err := r.store.SaveSuggestions(ctx, s); err != nil {
		return fmt.Errorf("save suggestions: %w", err)
	}
	r.suggCuts.set(candidateID, s.CutoffOf())
	r.suggMembers.set(candidateID, s.Members())
	r.written.set(candidateID, fp)
	r.noteFullMatches(ctx, SuggestionsKind, candidateID, before, s.Full())
	return nil
}

// roleVersion is the indexed version of a role, or 0.
func (r *Results) roleVersion(id string) int64 {
	role, _ := r.ix.Role(id)
	return role.Version
}

// computeSuggestions builds the candidate's top roles with explanations.
func (r *Results) computeSuggestions(ctx context.Context, cand engine.Candidate, today engine.Day) Suggestions {
	ranked := r.ix.Suggestions(cand.ID, SuggestionsSize, today)
	progs := r.programmeLookup(ctx)
	s := Suggestions{CandidateID: cand.ID, OrgID: cand.OrgID, ComputedAt: r.now().UTC(),
		Entries: make([]SuggestionEntry, 0, len(ranked))}
	for _, e := range ranked {
		role, ok1 := r.ix.Role(e.ID)
		expl, ok2 := r.ix.Explain(e.ID, cand.ID, today)
		if !ok1 || !ok2 {
			continue
		}
		s.Entries = append(s.Entries, SuggestionEntry{
			RoleID: role.ID, Title: role.Title, EmployerID: role.EmployerID,
			Score: e.Score, Match: e.Match, Explanation: toExplanation(expl, progs),
		})
	}
	return s
}

// deleteSuggestions deletes a candidate's suggestions under its lock.
func (r *Results) deleteSuggestions(ctx context.Context, candidateID string) error {
	unlock, err := r.locks.Lock(ctx, "matching/suggestions/"+candidateID)
	if err != nil {
		return fmt.Errorf("lock suggestions: %w", err)
	}
	defer unlock()
	return r.deleteSuggestionsLocked(ctx, candidateID)
}

func (r *Results) deleteSuggestionsLocked(ctx context.Context, candidateID string) error {
	before := r.fullMatchesBefore(ctx, SuggestionsKind, candidateID)
	if err := r.store.DeleteSuggestions(ctx, candidateID); err != nil {
		return fmt.Errorf("delete suggestions: %w", err)
	}
	r.suggCuts.forget(candidateID)
	r.suggMembers.drop(candidateID)
	r.written.set(candidateID, 0)
	r.noteFullMatches(ctx, SuggestionsKind, candidateID, before, nil)
	return nil
}
