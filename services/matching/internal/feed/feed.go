package feed

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// Event types the feed consumes.
const (
	EventCandidateChanged = "candidate.changed"
	EventConsentChanged   = "candidate.consent_changed"
	EventCandidateErased  = "candidate.erased"
	EventRoleChanged      = "role.changed"
)

// Defaults for zero Config fields.
const (
	DefaultSharedGroup       = "matching"
	DefaultIndexGroupPrefix  = "matching-index-"
	DefaultReconcileInterval = 30 * time.Second
	// DefaultReconcilePace is how many entries of an owner's listing a
	// scheduled reconciliation reads a second (ReconcilePace).
	DefaultReconcilePace = 1000
	// DefaultIndexDedupTTL is how long an instance's own group remembers
	// event ids. Applying is idempotent by version, so the memory only
	// saves fetches on redelivery; a short one keeps Redis small.
	DefaultIndexDedupTTL = 10 * time.Minute
)

// Config describes one instance's feed.
type Config struct {
	// CandidatesStream and RolesStream are the owners' streams. Required.
	CandidatesStream string
	RolesStream      string
	// InstanceID names this instance: its own groups are
	// IndexGroupPrefix+InstanceID and its consumer name in the shared
	// group is InstanceID. Required and unique per instance.
	InstanceID string
	// SharedGroup is the group all instances share. Default "matching".
	SharedGroup string
	// IndexGroupPrefix prefixes the instance's own groups. Default
	// "matching-index-".
	IndexGroupPrefix string
	// ReconcileInterval is the time between reconciliations; negative
	// disables the scheduled ones (tests call Reconcile). A Redis that
	// comes back empty starts one at once either way. Default 30 seconds.
	ReconcileInterval time.Duration
	// ReconcilePace is how many entries of an owner's listing a scheduled
	// reconciliation reads a second; negative reads as fast as the owner
	// answers. The owner's store makes the listing: on FerretDB v1 it
	// decodes every candidate's record (7 to 9 CPU seconds at 20,000), and
	// read at once that took both cores from the role changes every half
	// minute; read at this pace it is spread over 20 seconds. A
	// reconciliation started because Redis lost its streams is not paced.
	// Default DefaultReconcilePace.
	ReconcilePace int
	// Subscriber tunes every consumer; zero fields take pkg/events'
	// defaults.
	Subscriber SubscriberTuning
	// Logger receives operational logs, which name ids only.
	Logger *slog.Logger
}

// SubscriberTuning is what may be tuned of the consumers.
type SubscriberTuning struct {
	Block         time.Duration
	ClaimMinIdle  time.Duration
	MaxDeliveries int64
	// IndexDedupTTL is the de-duplication memory of the instance's own
	// groups. Default DefaultIndexDedupTTL.
	IndexDedupTTL time.Duration
}

// Deps are what a Feed works with.
type Deps struct {
	Index      Index
	Candidates CandidateSource
	Roles      RoleSource
	Results    Results
	Redis      redis.UniversalClient
	// Lists, when set, keeps the stored lists in line with the index: it
	// rebuilds them once the index has loaded and aligns them after each
	// reconciliation, so a change whose event was lost reaches them.
	Lists Lists
	// Statements, when set, holds the approved statements of the
	// candidates the index holds.
	Statements Statements
}

// Lists is what brings the stored lists in line with the index.
type Lists interface {
	// Rebuild recomputes every stored list from the index.
	Rebuild(ctx context.Context) error
	// Align takes out of the stored lists what the index no longer holds
	// and returns how many ids it took out.
	Align(ctx context.Context) (int, error)
}

// Feed keeps one instance's index in step with the owners. Build it with
// New and call Run once.
type Feed struct {
	cfg        Config
	deps       Deps
	log        *slog.Logger
	candidates *shelf[engine.Candidate]
	roles      *shelf[engine.Role]
	loaded     atomic.Bool

	reconcileMu sync.Mutex // one reconciliation at a time
	statusMu    sync.Mutex
	last        *Reconciliation
	// reconcileNow asks for a reconciliation before the next scheduled
	// one; it holds at most one request, so many become one.
	reconcileNow chan struct{}
}

// New checks cfg and deps and fills defaults. Nothing touches Redis or the
// owners until Run.
func New(cfg Config, d Deps) (*Feed, error) {
	if cfg.CandidatesStream == "" || cfg.RolesStream == "" || cfg.InstanceID == "" {
		return nil, errors.New("feed: needs both streams and an instance id")
	}
	if d.Index == nil || d.Candidates == nil || d.Roles == nil || d.Results == nil || d.Redis == nil {
		return nil, errors.New("feed: needs an index, both owners, results and redis")
	}
	if cfg.SharedGroup == "" {
		cfg.SharedGroup = DefaultSharedGroup
	}
	if cfg.IndexGroupPrefix == "" {
		cfg.IndexGroupPrefix = DefaultIndexGroupPrefix
	}
	if cfg.ReconcileInterval == 0 {
		cfg.ReconcileInterval = DefaultReconcileInterval
	}
	if cfg.ReconcilePace == 0 {
		cfg.ReconcilePace = DefaultReconcilePace
	}
	if cfg.Subscriber.IndexDedupTTL <= 0 {
		cfg.Subscriber.IndexDedupTTL = DefaultIndexDedupTTL
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	f := &Feed{cfg: cfg, deps: d, log: cfg.Logger.With("instance", cfg.InstanceID), reconcileNow: make(chan struct{}, 1)}
	f.candidates = newShelf("candidate", shelfOps[engine.Candidate]{
		key:  func(c engine.Candidate) (string, int64) { return c.ID, c.Version },
		live: func(c engine.Candidate) bool { return c.Matchable() },
		indexed: func(id string) (int64, bool) {
			c, ok := d.Index.Candidate(id)
			return c.Version, ok
		},
		upsert:   f.upsertCandidate,
		remove:   f.removeCandidate,
		versions: func() map[string]int64 { c, _ := d.Index.Versions(); return c },
		fetch:    d.Candidates.Candidate,
	})
	f.roles = newShelf("role", shelfOps[engine.Role]{
		key:  func(r engine.Role) (string, int64) { return r.ID, r.Version },
		live: func(r engine.Role) bool { return r.Open },
		indexed: func(id string) (int64, bool) {
			r, ok := d.Index.Role(id)
			return r.Version, ok
		},
		upsert:   d.Index.UpsertRole,
		remove:   d.Index.RemoveRole,
		versions: func() map[string]int64 { _, r := d.Index.Versions(); return r },
		fetch:    d.Roles.Role,
	})
	return f, nil
}

// upsertCandidate puts c in the index and its statement beside it.
func (f *Feed) upsertCandidate(c engine.Candidate) {
	f.deps.Index.UpsertCandidate(c)
	if f.deps.Statements != nil {
		f.deps.Statements.Put(c.ID, c.Statement)
	}
}

// removeCandidate takes the candidate and its statement out.
func (f *Feed) removeCandidate(id string) bool {
	if f.deps.Statements != nil {
		f.deps.Statements.Remove(id)
	}
	return f.deps.Index.RemoveCandidate(id)
}

// InstanceID names this instance.
func (f *Feed) InstanceID() string { return f.cfg.InstanceID }

// IndexGroup is this instance's own consumer group on both streams.
func (f *Feed) IndexGroup() string { return f.cfg.IndexGroupPrefix + f.cfg.InstanceID }

// Ready is a readiness probe: it fails until the initial load has
// finished.
func (f *Feed) Ready(context.Context) error {
	if !f.loaded.Load() {
		return errors.New("feed: index not loaded yet")
	}
	return nil
}

// Versions returns the version of every candidate and role this instance
// knows the owner has, whether or not the index holds it (a candidate
// without consent, a closed role): two instances in step return equal
// maps.
func (f *Feed) Versions() (candidates, roles map[string]int64) {
	return f.candidates.known(), f.roles.known()
}

// sleep waits for d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// backoff doubles delay between bounds, for retrying an owner or Redis.
func backoff(delay time.Duration) time.Duration {
	return min(max(2*delay, 200*time.Millisecond), 10*time.Second)
}

// errUnknownEvent is wrapped when an event's type is not one the stream
// carries; pkg/events dead-letters it after MaxDeliveries.
var errUnknownEvent = errors.New("unknown event type")

func unknown(stream, eventType string) error {
	return fmt.Errorf("feed: %w %q on %s", errUnknownEvent, eventType, stream)
}
