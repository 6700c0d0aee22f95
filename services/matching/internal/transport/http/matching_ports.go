package http

import (
	"context"
	"time"

	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// ResultsReader reads stored shortlists and suggestions; the MongoDB store
// implements it. A missing list is errs.NotFound.
type ResultsReader interface {
	Shortlist(ctx context.Context, roleID string) (results.Shortlist, error)
	Suggestions(ctx context.Context, candidateID string) (results.Suggestions, error)
	ShortlistCounts(ctx context.Context, roleIDs []string) (map[string]results.RoleCounts, error)
	CountShortlists(ctx context.Context) (int64, error)
}

// ShortlistReader reads a role's stored shortlist, errs.NotFound when
// there is none; results.ShortlistReader implements it. The list may be
// shared with other requests and is only read.
type ShortlistReader interface {
	Shortlist(ctx context.Context, roleID string) (results.Shortlist, error)
}

// IndexView is what the API reads of the in-memory index: a candidate's
// organisation, for access to suggestions, and the index's size.
type IndexView interface {
	Candidate(id string) (engine.Candidate, bool)
	Stats() engine.Stats
}

// StatementReader gives a candidate's approved statement in their own
// words, "" when none; *statements.Store implements it.
type StatementReader interface {
	Statement(candidateID string) string
}

// ConsentReader answers, for a candidate the index does not hold, what
// the candidates service says: the candidate's organisation, whether the
// candidate consents to matching and whether they are available (not
// placed, or placed and still looking). An erased or unknown candidate is
// errs.NotFound. The candidates client implements it.
type ConsentReader interface {
	MatchingConsent(ctx context.Context, candidateID string) (orgID string, consent, available bool, err error)
}

// Status reports the data flow's health for the status page. The data
// flow provides it; StatusFunc adapts a function.
type Status interface {
	FlowStatus(ctx context.Context) (FlowStatus, error)
}

// StatusFunc adapts a function to Status.
type StatusFunc func(ctx context.Context) (FlowStatus, error)

// FlowStatus calls f.
func (f StatusFunc) FlowStatus(ctx context.Context) (FlowStatus, error) { return f(ctx) }

// FlowStatus is the data flow's side of the status page.
type FlowStatus struct {
	// Instance names this instance.
	Instance string
	// LastReconciliation is nil until the first reconciliation ends.
	LastReconciliation *Reconciliation
	Streams            []StreamLag
}

// Reconciliation is one pass comparing the index with the owners' versions.
type Reconciliation struct {
	At      time.Time
	Took    time.Duration
	Fetched int
	Removed int
}

// StreamLag is how far one consumer group is behind on one stream.
type StreamLag struct {
	Stream  string
	Group   string
	Lag     int64
	Pending int64
}
