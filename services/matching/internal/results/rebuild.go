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
