package results

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync/atomic"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// Index is what results reads of the matching index; *engine.Index
// implements it.
type Index interface {
	Shortlist(roleID string, k int, today engine.Day) []engine.Entry
	Suggestions(candidateID string, k int, today engine.Day) []engine.Entry
	ScoreAgainstRoles(candidateID string, today engine.Day) []engine.RoleScore
	Explain(roleID, candidateID string, today engine.Day) (engine.Explanation, bool)
	Card(candidateID, roleID string, today engine.Day) (engine.Card, bool)
	Candidate(id string) (engine.Candidate, bool)
	Role(id string) (engine.Role, bool)
	Stats() engine.Stats
	Versions() (candidates, roles map[string]int64)
}

// Deps are what Results needs. Index, Store and RefKey are required.
type Deps struct {
	Index Index
	Store Store
	// Programmes names the programmes that train a missing skill; nil
	// leaves the lists of programmes empty.
	Programmes Programmes
	// RefKey keys the per-role candidate references employers see; see
	// RefKeyFrom.
	RefKey []byte
	// Locks serialises writers of one list across instances; nil uses a
	// lock inside this process only, right for one instance.
	Locks Locker
	// Now is the clock; nil is time.Now.
	Now Clock
	// CutoffTTL is how long a cut-off held in memory is trusted before it
	// is read again from the store. Zero trusts it until this instance
	// changes it, which is exact for one writer; with several instances
	// sharing the work, a few seconds bounds how long a cut-off another
	// instance lowered goes unseen.
	CutoffTTL time.Duration
	// Announcer is told when a stored list gains full matches; nil
	// announces nothing and keeps no record of full matches.
	Announcer Announcer
	// Shortlistings keeps each candidate's first shortlisting
	// (firsts.go); nil keeps none. ShortlistingAnnouncer hears of each
	// record first written; nil announces none.
	Shortlistings         ShortlistingStore
	ShortlistingAnnouncer ShortlistingAnnouncer
	// Stamps records a fresh stamp before every write of a stored
	// shortlist, for the readers' caches (ShortlistReader); nil records
	// none, and a ShortlistReader must then be given none either.
	Stamps Stamps
	Logger *slog.Logger
}

// Results implements the data flow's Results port. It is safe for
// concurrent use.
type Results struct {
	ix         Index
	store      Store
	programmes Programmes
	refKey     []byte
	locks      Locker
	now        Clock
	log        *slog.Logger
	shortCuts  *cutoffCache
	suggCuts   *cutoffCache
	queue      *suggestionQueue
	written    writtenLists
	// shortMembers and suggMembers say which stored lists hold which ids;
	// loaded says they were read from the store at least once.
	shortMembers *membership
	suggMembers  *membership
	loaded       atomic.Bool
	// announcer hears of gains of full matches; fulls remembers each
	// list's record of them (fulltrack.go).
	announcer Announcer
	fulls     fullRecords
	// firsts keeps first shortlistings; recorded is the ids this
	// instance knows to have one; listedAnnouncer hears of new ones.
	firsts          ShortlistingStore
	recorded        recordedSet
	listedAnnouncer ShortlistingAnnouncer
	// stamps hears of every shortlist write before it is made.
	stamps Stamps
}

// New returns Results over d.
func New(d Deps) (*Results, error) {
	if d.Index == nil || d.Store == nil {
		return nil, errors.New("results: Index and Store are required")
	}
	if len(d.RefKey) < 16 {
		return nil, errors.New("results: RefKey must be at least 16 bytes")
	}
	r := &Results{ix: d.Index, store: d.Store, programmes: d.Programmes, refKey: slices.Clone(d.RefKey),
		locks: d.Locks, now: d.Now, log: d.Logger, queue: newSuggestionQueue(),
		shortMembers: newMembership(), suggMembers: newMembership(), announcer: d.Announcer,
		firsts: d.Shortlistings, listedAnnouncer: d.ShortlistingAnnouncer, stamps: d.Stamps}
	if r.locks == nil {
		r.locks = newLocalLocks()
	}
	if r.now == nil {
		r.now = time.Now
	}
	if r.log == nil {
		r.log = slog.Default()
	}
	r.shortCuts = newCutoffCache(d.CutoffTTL, r.now, d.Store.ShortlistCutoffs)
	r.suggCuts = newCutoffCache(d.CutoffTTL, r.now, d.Store.SuggestionCutoffs)
	r.written = writtenLists{ttl: d.CutoffTTL, now: r.now}
	r.fulls = fullRecords{ttl: d.CutoffTTL, now: r.now}
	return r, nil
}

// today is the current day in UTC.
func (r *Results) today() engine.Day { return DayOf(r.now()) }

// DayOf returns the engine's day of t (UTC).
func DayOf(t time.Time) engine.Day {
	return engine.Day(t.UTC().Unix() / 86400)
}

// RoleChanged recomputes the role's shortlist, or deletes it when the role
// is no longer open, and then queues the role for RunSuggestions, which
// within seconds rewrites the suggestions the role enters, moves within
// or leaves. Finding those (thousands of candidates, their cut-offs) is
// left to the background worker, so the shared consumer spends on a role
// change only the shortlist's one write.
func (r *Results) RoleChanged(ctx context.Context, roleID string) error {
	if err := r.refreshShortlist(ctx, roleID, r.today(), ""); err != nil {
		return err
	}
	r.queue.addRoles(roleID)
	return nil
}

// RoleRemoved deletes the role's shortlist and takes the role out of every
// candidate's suggestions.
func (r *Results) RoleRemoved(ctx context.Context, roleID string) error {
	return r.RoleChanged(ctx, roleID)
}

// CandidateChanged rewrites the shortlists the candidate enters, moves
// within or leaves, and the candidate's suggestions. A candidate the index
// no longer holds (consent withdrawn) is removed.
func (r *Results) CandidateChanged(ctx context.Context, candidateID string) error {
	if _, ok := r.ix.Candidate(candidateID); !ok {
		return r.CandidateRemoved(ctx, candidateID)
	}
	if err := r.ensureMembership(ctx); err != nil {
		return err
	}
	today := r.today()
	roles, err := r.shortlistsTouchedBy(ctx, candidateID, today)
	if err != nil {
		return err
	}
	var failed []error
	for _, roleID := range roles {
		if err := r.refreshShortlist(ctx, roleID, today, ""); err != nil {
			failed = append(failed, err)
		}
	}
	if err := r.refreshSuggestions(ctx, candidateID, today); err != nil {
		failed = append(failed, err)
	}
	return errors.Join(failed...)
}

// CandidateRemoved deletes the candidate's suggestions and takes it out of
// every stored shortlist, refilling each from the index. The suggestions
// go first, so once the candidate has left the shortlists, which is what
// employers see, nothing derived from it is left. The candidate is left
// out of the refill even if the index still held it, so an erasure never
// leaves a copy behind. The shortlists are those the membership in memory
// names and those the store finds by candidate: a removal is rare, and the
// store's answer covers what another instance wrote since the last refresh
// of the membership.
func (r *Results) CandidateRemoved(ctx context.Context, candidateID string) error {
	today := r.today()
	var failed []error
	if err := r.deleteSuggestions(ctx, candidateID); err != nil {
		failed = append(failed, err)
	}
	stored, err := r.store.ShortlistsWith(ctx, candidateID)
	if err != nil {
		return errors.Join(append(failed, fmt.Errorf("shortlists holding a removed candidate: %w", err))...)
	}
	for _, roleID := range union(stored, r.shortMembers.listsWith(candidateID)) {
		if err := r.refreshShortlist(ctx, roleID, today, candidateID); err != nil {
			failed = append(failed, err)
		}
	}
	return errors.Join(failed...)
}

// shortlistsTouchedBy returns, sorted, the roles whose shortlist holds the
// candidate now and those whose cut-off the candidate's new score may pass.
func (r *Results) shortlistsTouchedBy(ctx context.Context, candidateID string, today engine.Day) ([]string, error) {
	current := r.shortMembers.listsWith(candidateID)
	touched := map[string]bool{}
	for _, id := range current {
		touched[id] = true
	}
	scores := r.ix.ScoreAgainstRoles(candidateID, today)
	ids := make([]string, 0, len(scores))
	for _, s := range scores {
		if !touched[s.RoleID] {
			ids = append(ids, s.RoleID)
		}
	}
	cuts, err := r.shortCuts.get(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("shortlist cut-offs: %w", err)
	}
	for _, s := range scores {
		entry := engine.Entry{ID: candidateID, Score: s.Score, Match: s.Match}
		if c, ok := cuts[s.RoleID]; !ok || mayEnter(entry, c) {
			touched[s.RoleID] = true
		}
	}
	return sortedKeys(touched), nil
}

// mayEnter reports whether e, not yet in a list, ranks before the list's
// last entry in the engine's one order, or the list has room.
func mayEnter(e engine.Entry, c Cutoff) bool {
	return !c.Full || engine.CompareEntries(e, c.Last) < 0
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// isNotFound reports whether err is the store's "no such list".
func isNotFound(err error) bool { return errors.Is(err, errs.NotFound) }
