package results

import (
	"context"
	"errors"
	"fmt"
)

// Rebuild recomputes every stored list from the index: the shortlist of
// every open role and the suggestions of every indexed candidate, and
// deletes the lists of roles and candidates the index no longer holds. It
// is a full recomputation, for a start on an empty database or after a
// day changes scores (availability is counted from today); one instance
// should run it at a time. A list that fails does not stop the others.
func (r *Results) Rebuild(ctx context.Context) error {
	today := r.today()
	candidates, roles := r.versions()
	stored, err := r.store.ShortlistRoles(ctx)
	if err != nil {
		return fmt.Errorf("list stored shortlists: %w", err)
	}
	var failed []error
	for _, id := range union(stored, roles) {
		if err := r.refreshShortlist(ctx, id, today, ""); err != nil {
			failed = append(failed, err)
		}
	}
	storedSugg, err := r.store.SuggestionCandidates(ctx)
	if err != nil {
		return errors.Join(append(failed, fmt.Errorf("list stored suggestions: %w", err))...)
	}
	r.queue.add(union(storedSugg, candidates)...)
	if err := r.FlushSuggestions(ctx); err != nil {
		failed = append(failed, err)
	}
	return errors.Join(failed...)
}

// RecomputeOutdated recomputes the stored lists written in an earlier
// layout of the explanation, so that every list names, for a skill
// credited through a related skill, which skill that is: the shortlists
// here, the suggestions through the background worker (RunSuggestions).
// Run it once the index is loaded; it returns how many lists it found.
// Several instances may run it at once: each list is recomputed under its
// lock, and the second computation writes the same list.
func (r *Results) RecomputeOutdated(ctx context.Context) (int, error) {
	roles, candidates, err := r.store.OutdatedLists(ctx)
	if err != nil {
		return 0, err
	}
	today := r.today()
	var failed []error
	for _, id := range roles {
		if err := r.refreshShortlist(ctx, id, today, ""); err != nil {
			failed = append(failed, err)
		}
	}
	// An outdated list has the fingerprint of the same entries written in
	// the current layout, so what this instance remembers writing is
	// forgotten first.
	r.written.forget(candidates...)
	r.queue.add(candidates...)
	return len(roles) + len(candidates), errors.Join(failed...)
}

// versions returns the ids the index holds.
func (r *Results) versions() (candidates, roles []string) {
	c, ro := r.ix.Versions()
	return keysOf(c), keysOf(ro)
}

func keysOf(m map[string]int64) []string {
	set := make(map[string]bool, len(m))
	for k := range m {
		set[k] = true
	}
	return sortedKeys(set)
}

func union(a, b []string) []string {
	set := make(map[string]bool, len(a)+len(b))
	for _, x := range a {
		set[x] = true
	}
	for _, x := range b {
		set[x] = true
	}
	return sortedKeys(set)
}
