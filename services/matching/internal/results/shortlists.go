package results

import (
	"context"
	"fmt"

	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// refreshShortlist recomputes a role's stored shortlist from the index
// under the role's lock, leaving out the candidate exclude when it is set,
// or deletes it when the index no longer holds the role as open.
func (r *Results) refreshShortlist(ctx context.Context, roleID string, today engine.Day, exclude string) error {
	unlock, err := r.locks.Lock(ctx, "matching/shortlists/"+roleID)
	if err != nil {
		return fmt.Errorf("lock shortlist: %w", err)
	}
	defer unlock()
	role, ok := r.ix.Role(roleID)
	if !ok {
		before := r.fullMatchesBefore(ctx, ShortlistKind, roleID)
		if _, err := r.beginShortlistWrite(ctx, roleID); err != nil {
			return err
		}
		if err := r.store.DeleteShortlist(ctx, roleID); err != nil {
			return fmt.Errorf("delete shortlist of a closed role: %w", err)
		}
		r.endShortlist(ctx, roleID)
		r.shortCuts.forget(roleID)
		r.shortMembers.drop(roleID)
		r.noteFullMatches(ctx, ShortlistKind, roleID, before, nil)
		return nil
	}
	s := r.computeShortlist(ctx, role, today, exclude)
	before := r.fullMatchesBefore(ctx, ShortlistKind, roleID)
	if s.Stamp, err = r.beginShortlistWrite(ctx, roleID); err != nil {
		return err
	}
	if err := r.store.SaveShortlist(ctx, s); err != nil {
		return fmt.Errorf("save shortlist: %w", err)
	}
	r.shortCuts.set(roleID, s.CutoffOf())
	r.shortMembers.set(roleID, s.Members())
	r.noteFullMatches(ctx, ShortlistKind, roleID, before, s.Full())
	return r.noteShortlistings(ctx, s)
}

// computeShortlist builds the role's top entries with their cards and
// explanations. An entry whose candidate left the index since the ranking
// is skipped; the event that removed it rewrites the list again.
func (r *Results) computeShortlist(ctx context.Context, role engine.Role, today engine.Day, exclude string) Shortlist {
	k := ShortlistSize
	if exclude != "" {
		k++
	}
	ranked := r.ix.Shortlist(role.ID, k, today)
	progs := kindsOnly(r.programmeLookup(ctx))
	s := Shortlist{RoleID: role.ID, RoleVersion: role.Version, EmployerID: role.EmployerID,
		ComputedAt: r.now().UTC(), Entries: make([]ShortlistEntry, 0, len(ranked))}
	for _, e := range ranked {
		if e.ID == exclude || len(s.Entries) == ShortlistSize {
			continue
		}
		expl, ok1 := r.ix.Explain(role.ID, e.ID, today)
		card, ok2 := r.ix.Card(e.ID, role.ID, today)
		if !ok1 || !ok2 {
			continue
		}
		s.Entries = append(s.Entries, ShortlistEntry{
			CandidateID: e.ID, CandidateRef: r.CandidateRef(role.ID, e.ID), Alias: card.Alias,
			Score: e.Score, Match: e.Match, Card: toCard(card), Explanation: toExplanation(expl, progs),
		})
	}
	return s
}
