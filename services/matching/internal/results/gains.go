package results

import (
	"context"
	"slices"

	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// ListKind names a kind of stored list.
type ListKind string

// The kinds of stored list.
const (
	// ShortlistKind is a role's shortlist, named by the role's id.
	ShortlistKind ListKind = "shortlist"
	// SuggestionsKind is a candidate's suggestions, named by the
	// candidate's id.
	SuggestionsKind ListKind = "suggestions"
)

// FullMatches is what the store records of a list's full matches (the
// entries with every essential skill): the ids it held as full matches
// when last written, sorted, and the version of its last gain. The record
// outlives the list: deleting a list empties Members and keeps Version, so
// a version is never used twice for one role or candidate.
type FullMatches struct {
	Members []string
	Version int64
}

// Gain says that a stored list gained at least one full match it did not
// hold before. It carries ids and a version only: the role of a
// shortlist or the candidate of suggestions, and the list's counter after
// the gain.
type Gain struct {
	Kind    ListKind
	ID      string
	Version int64
}

// Announcer is told of every gain, after the list and its record are
// written. It must not block and cannot fail the write: announcements are
// best effort (the digests they feed tolerate a lost one).
type Announcer interface {
	Announce(ctx context.Context, g Gain)
}

// fullIDs returns, sorted, the ids of the full matches among entries.
func fullIDs[E any](entries []E, id func(E) string, match func(E) engine.Match) []string {
	var out []string
	for _, e := range entries {
		if match(e) == engine.MatchFull {
			out = append(out, id(e))
		}
	}
	slices.Sort(out)
	return out
}

// Full returns, sorted, the candidates the shortlist holds as full matches.
func (s Shortlist) Full() []string {
	return fullIDs(s.Entries, func(e ShortlistEntry) string { return e.CandidateID },
		func(e ShortlistEntry) engine.Match { return e.Match })
}

// Full returns, sorted, the roles the candidate fully matches among the
// suggestions.
func (s Suggestions) Full() []string {
	return fullIDs(s.Entries, func(e SuggestionEntry) string { return e.RoleID },
		func(e SuggestionEntry) engine.Match { return e.Match })
}

// gained returns the ids in now that are not in before; both are sorted.
func gained(before, now []string) []string {
	var out []string
	for _, id := range now {
		if _, found := slices.BinarySearch(before, id); !found {
			out = append(out, id)
		}
	}
	return out
}
