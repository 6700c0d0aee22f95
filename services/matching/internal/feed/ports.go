package feed

import (
	"context"

	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// Index is the engine's in-memory index as the feed maintains it;
// *engine.Index satisfies it.
type Index interface {
	UpsertCandidate(c engine.Candidate)
	RemoveCandidate(id string) bool
	UpsertRole(r engine.Role)
	RemoveRole(id string) bool
	Candidate(id string) (engine.Candidate, bool)
	Role(id string) (engine.Role, bool)
	// Versions returns the version of every indexed candidate and role.
	Versions() (candidates, roles map[string]int64)
}

// Version is an aggregate's id and its current version at the owner.
type Version struct {
	ID      string
	Version int64
}

// CandidateSource is the candidates service's internal API. A candidate the
// owner does not have (erased) is an error wrapping errs.NotFound.
// EachVersion and EachView list every candidate in no particular order and
// stop at fn's first error; a listing cut short is an error, after fn has
// seen part of it.
type CandidateSource interface {
	EachVersion(ctx context.Context, fn func(Version) error) error
	Candidate(ctx context.Context, id string) (engine.Candidate, error)
	EachView(ctx context.Context, fn func(engine.Candidate) error) error
}

// RoleSource is the employers service's internal API, listed like
// CandidateSource. Roles come whatever their status; only open ones are
// indexed.
type RoleSource interface {
	EachVersion(ctx context.Context, fn func(Version) error) error
	Role(ctx context.Context, id string) (engine.Role, error)
	EachView(ctx context.Context, fn func(engine.Role) error) error
}

// Results keeps the stored shortlists and suggestions up to date. The feed
// calls it once per event across all instances (through the shared group),
// and for every change a reconciliation finds, always after the calling
// instance's index holds the change. Implementations must be idempotent:
// an event may be delivered more than once.
type Results interface {
	// RoleChanged: the role is open in the index at its current version.
	RoleChanged(ctx context.Context, roleID string) error
	// RoleRemoved: the role is not open (or gone) and left the index.
	RoleRemoved(ctx context.Context, roleID string) error
	// CandidateChanged: the candidate is in the index at its current
	// version.
	CandidateChanged(ctx context.Context, candidateID string) error
	// CandidateRemoved: the candidate withdrew consent or was erased and
	// left the index.
	CandidateRemoved(ctx context.Context, candidateID string) error
	// CandidateErased: the owner no longer has the candidate (erased) and
	// it left the index; what matching keeps of it beside the lists must
	// go. Unlike the other calls it is made on every instance, from its
	// own group once its index has let the candidate go, and again with
	// CandidateRemoved from the shared group and reconciliations.
	CandidateErased(ctx context.Context, candidateID string) error
}

// Statements keeps the approved statements of the candidates the index
// holds, beside the index rather than in it (package statements). The
// feed puts a candidate's statement whenever it puts the candidate in the
// index and removes it whenever the candidate leaves.
type Statements interface {
	// Put records the candidate's statement; "" forgets it.
	Put(candidateID, text string)
	Remove(candidateID string)
}
