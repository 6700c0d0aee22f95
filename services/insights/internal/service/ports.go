package service

import (
	"context"
	"time"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// Counts is what a report reads: the living and the anonymous counts of
// one scope (an organisation or domain.PlatformScope) and a range of
// months, both included, gathered into the sheet a report reads. The
// Mongo store implements it.
type Counts interface {
	ScopeSheet(ctx context.Context, scope string, from, to domain.Month) (domain.Sheet, error)
}

// Owners reads the facts back from the services that own them, with ids,
// times and categories only. A candidate the candidates service no longer
// has (erased) and an introduction placements no longer serves are
// errs.NotFound.
type Owners interface {
	// Candidate returns the candidate's own facts: organisation,
	// programmes, setting, place, registration and first consent, without
	// shortlisting or introductions.
	Candidate(ctx context.Context, id string) (domain.Progress, error)
	// FirstShortlisted returns when the candidate first stood on a stored
	// shortlist, zero when never.
	FirstShortlisted(ctx context.Context, candidateID string) (time.Time, error)
	// Introduction returns one introduction's facts and its candidate,
	// without the role's contract kind and occupation.
	Introduction(ctx context.Context, id string) (Introduction, error)
	// Role returns a role's contract kind and occupation.
	Role(ctx context.Context, id string) (Role, error)
	// EachCandidate, EachShortlisting and EachIntroduction read the owners'
	// whole listings, for a rebuild.
	EachCandidate(ctx context.Context, fn func(domain.Progress) error) error
	EachShortlisting(ctx context.Context, fn func(candidateID string, firstAt time.Time) error) error
	EachIntroduction(ctx context.Context, fn func(Introduction) error) error
}

// Introduction is an introduction's facts as placements serves them, and
// the candidate it is for.
type Introduction struct {
	CandidateID string
	Facts       domain.IntroductionFacts
}

// Role is what insights reads of a role: its contract kind and
// occupation template id, empty when not known.
type Role struct {
	Contract, Occupation string
}

// Stored is a living candidate's progress document: the facts, the
// contributions they were last counted with, when, and the document's
// version.
type Stored struct {
	Progress      domain.Progress
	Contributions domain.Contributions
	FoldedAt      time.Time
	Version       int64
}

// Change is what absorbing did to one candidate, for Store.Commit: the
// new progress document and the difference to apply to the counts, or an
// erasure.
type Change struct {
	// CandidateID names the candidate; Version is the stored document's
	// version (0 for a candidate not stored yet).
	CandidateID string
	Version     int64
	// Progress, Contributions and FoldedAt are the new document; unused
	// when Erase.
	Progress      domain.Progress
	Contributions domain.Contributions
	FoldedAt      time.Time
	// Delta is what to add to the living counts; Anonymous what to add to
	// the anonymous totals (an erasure only).
	Delta, Anonymous domain.Delta
	// Erase deletes the progress document and leaves an erasure mark
	// naming Mark, the erasure event's id.
	Erase bool
	Mark  string
	// RefoldDays are the days a daily pass must refold the candidate on;
	// Roles are the roles the candidate's introductions name, so a
	// changed role finds the candidates counted under it.
	RefoldDays []time.Time
	Roles      []string
}

// Meta is the read model's state: which generation of the collections is
// live, which one a rebuild is writing, and the last day the daily pass
// finished.
type Meta struct {
	// Generation is the live generation; Building the one a rebuild
	// writes, 0 when none.
	Generation, Building int
	// Built is true once a rebuild completed; RebuildWanted asks for one
	// (a consumer group was recreated).
	Built, RebuildWanted bool
	// LastPass is the last day (midnight UTC) the daily pass finished.
	LastPass time.Time
}

// Store keeps the read model. Every write of absorbed changes goes
// through Commit, which is crash-safe: a change interrupted half-way is
// finished by Recover, neither lost nor counted twice. Writes are
// serialised by the caller (one absorber at a time, under the Locker).
type Store interface {
	Counts
	// Meta returns the read model's state, creating it (generation 1,
	// not built) on the first call.
	Meta(ctx context.Context) (Meta, error)
	// Recover finishes every change interrupted by a crash.
	Recover(ctx context.Context) error
	// Stored returns the stored progress of the candidates that have one.
	Stored(ctx context.Context, gen int, ids []string) (map[string]Stored, error)
	// StoredIDs returns every candidate with a progress document in gen,
	// for a rebuild (a scan of ids only).
	StoredIDs(ctx context.Context, gen int) ([]string, error)
	// IsErased reports whether the candidate carries an erasure mark.
	IsErased(ctx context.Context, id string) (bool, error)
	// RoleCandidates returns the candidates whose progress named the role.
	RoleCandidates(ctx context.Context, gen int, roleID string) ([]string, error)
	// Commit stores the changes and applies their deltas, crash-safe.
	Commit(ctx context.Context, gen int, changes []Change) error
	// MarkDirty records candidates absorbed while generation building is
	// being rebuilt, to be refolded into it after the swap.
	MarkDirty(ctx context.Context, building int, ids []string) error

	// DueCandidates returns the candidates to refold on day; DoneDay
	// forgets the day and records it as the last day passed.
	DueCandidates(ctx context.Context, gen int, day time.Time) ([]string, error)
	DoneDay(ctx context.Context, gen int, day time.Time) error

	// BeginRebuild starts writing a new generation and returns it, after
	// dropping whatever a crashed rebuild left of it; WriteRebuilt stores
	// a chunk of its progress documents; WriteRebuiltIndexes its role and
	// refold-day indexes; WriteRebuiltCounts its counts. SwapGeneration
	// makes it live and records passed as the last day the daily pass
	// finished; Dirty returns the candidates marked dirty while it was
	// built, and ForgetDirty forgets them; DropGeneration removes a
	// generation's collections.
	BeginRebuild(ctx context.Context) (int, error)
	WriteRebuilt(ctx context.Context, gen int, docs []Change) error
	WriteRebuiltIndexes(ctx context.Context, gen int, roles map[string][]string, days map[time.Time][]string) error
	WriteRebuiltCounts(ctx context.Context, gen int, counts domain.Counts) error
	SwapGeneration(ctx context.Context, gen int, passed time.Time) error
	Dirty(ctx context.Context, gen int) ([]string, error)
	ForgetDirty(ctx context.Context, gen int) error
	DropGeneration(ctx context.Context, gen int) error
	// WantRebuild records that a rebuild is needed.
	WantRebuild(ctx context.Context) error
}

// Locker serialises the absorbers of every replica: one batch at a time
// writes the read model. pkg/redislock.Locks is one.
type Locker interface {
	Lock(ctx context.Context, key string) (unlock func(), err error)
}
