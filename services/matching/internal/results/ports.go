package results

import (
	"context"
	"time"
)

// Store keeps shortlists (one per role) and suggestions (one per
// candidate). A missing list is errs.NotFound. Deleting a missing list is
// not an error.
type Store interface {
	Shortlist(ctx context.Context, roleID string) (Shortlist, error)
	SaveShortlist(ctx context.Context, s Shortlist) error
	DeleteShortlist(ctx context.Context, roleID string) error
	// ShortlistsWith returns the ids of the roles whose stored shortlist
	// holds the candidate. It may read every list (FerretDB v1 does):
	// Results asks it only when a candidate is removed, to miss no copy.
	ShortlistsWith(ctx context.Context, candidateID string) ([]string, error)
	// ShortlistMembers returns the candidates of every stored shortlist.
	ShortlistMembers(ctx context.Context) ([]ListMembers, error)
	// ShortlistCutoffs returns the cut-offs of the stored shortlists of
	// roleIDs; roles without a stored shortlist are absent.
	ShortlistCutoffs(ctx context.Context, roleIDs []string) (map[string]Cutoff, error)
	// ShortlistRoles returns the ids of every stored shortlist.
	ShortlistRoles(ctx context.Context) ([]string, error)
	// OutdatedLists returns the roles and candidates whose stored lists
	// were written in an earlier layout of the explanation; it may read
	// every list, and Results asks once per start (RecomputeOutdated).
	OutdatedLists(ctx context.Context) (roles, candidates []string, err error)

	Suggestions(ctx context.Context, candidateID string) (Suggestions, error)
	SaveSuggestions(ctx context.Context, s Suggestions) error
	DeleteSuggestions(ctx context.Context, candidateID string) error
	// SuggestionMembers returns the roles of every stored suggestion list.
	SuggestionMembers(ctx context.Context) ([]ListMembers, error)
	// SuggestionCutoffs is ShortlistCutoffs for suggestions.
	SuggestionCutoffs(ctx context.Context, candidateIDs []string) (map[string]Cutoff, error)
	// SuggestionCandidates returns the ids of every stored suggestion list.
	SuggestionCandidates(ctx context.Context) ([]string, error)

	// FullMatches returns the record of a list's full matches; found is
	// false when there is none (a list never recorded).
	FullMatches(ctx context.Context, kind ListKind, id string) (fm FullMatches, found bool, err error)
	// SaveFullMatches replaces the record of a list's full matches. It is
	// kept when the list is deleted.
	SaveFullMatches(ctx context.Context, kind ListKind, id string, fm FullMatches) error
}

// Programmes tells which programmes on the platform train a skill. The
// data flow's client of the candidates service implements it.
type Programmes interface {
	Training(ctx context.Context, skillID string) ([]Programme, error)
}

// Locker serialises the writers of one stored list, across instances when
// it is backed by Redis (pkg/redislock): FerretDB v1 offers no atomic
// read-modify-write.
type Locker interface {
	Lock(ctx context.Context, key string) (unlock func(), err error)
}

// Clock is the time source; tests pass a fixed one.
type Clock func() time.Time
