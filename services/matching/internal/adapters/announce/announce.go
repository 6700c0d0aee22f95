// Package announce publishes the matching service's own events: that a
// role's shortlist or a candidate's suggestions gained full matches
// (results.Gain), and that a candidate stood on a stored shortlist for the
// first time, on the matching stream through pkg/events. Publishing
// is best effort and off the write path: Announce only queues, one worker
// publishes, and an announcement that cannot be published is logged by id
// and dropped. Its readers tolerate a lost one (notifications' digests;
// insights reads the first shortlistings back from the listing when it
// reconciles); the list is written either way.
package announce

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// The matching service's event types and its name as a producer.
const (
	// TypeRoleFullAdded: the role's shortlist (aggregate_id = role id)
	// gained at least one candidate with every essential skill.
	TypeRoleFullAdded = "matches.role_full_added"
	// TypeCandidateFullAdded: the candidate's suggestions (aggregate_id =
	// candidate id) gained at least one role they fully match.
	TypeCandidateFullAdded = "matches.candidate_full_added"
	// TypeCandidateShortlisted: a stored shortlist held the candidate
	// (aggregate_id = candidate id) for the first time; version 1.
	TypeCandidateShortlisted = "matches.candidate_shortlisted"
	// Producer is the envelopes' producer.
	Producer = "matching"
)

// DefaultStream is the stream the events go to unless configured.
const DefaultStream = "onward.matching"

// queueSize bounds the announcements waiting to be published; past it a
// new one is dropped and logged rather than slowing a list write.
const queueSize = 4096

// publishTimeout bounds one publish, so a Redis outage delays the queue
// and never a list write.
const publishTimeout = 5 * time.Second

// Publisher appends an envelope to a stream; *events.Publisher is one.
type Publisher interface {
	Publish(ctx context.Context, stream string, e events.Envelope) (string, error)
}

// Announcer implements results.Announcer and
// results.ShortlistingAnnouncer. Run it beside the service.
type Announcer struct {
	pub     Publisher
	stream  string
	log     *slog.Logger
	queue   chan announcement
	pending atomic.Int64
}

// announcement is one event waiting to be published: its type, aggregate
// and version, ids and a number only.
type announcement struct {
	Type    string
	ID      string
	Version int64
}

var (
	_ results.Announcer             = (*Announcer)(nil)
	_ results.ShortlistingAnnouncer = (*Announcer)(nil)
)

// New returns an Announcer publishing to stream through pub; a nil logger
// is slog.Default().
func New(pub Publisher, stream string, log *slog.Logger) *Announcer {
	if log == nil {
		log = slog.Default()
	}
	return &Announcer{pub: pub, stream: stream, log: log, queue: make(chan announcement, queueSize)}
}

// Announce queues g for publishing without waiting.
func (a *Announcer) Announce(ctx context.Context, g results.Gain) {
	a.enqueue(ctx, announcement{Type: eventType(g.Kind), ID: g.ID, Version: g.Version})
}

// AnnounceShortlisted queues matches.candidate_shortlisted for the
// candidate without waiting. There is one per candidate, so its version
// is always 1.
func (a *Announcer) AnnounceShortlisted(ctx context.Context, candidateID string) {
	a.enqueue(ctx, announcement{Type: TypeCandidateShortlisted, ID: candidateID, Version: 1})
}

// enqueue queues one announcement, or drops and logs it when the queue is
// full.
func (a *Announcer) enqueue(ctx context.Context, n announcement) {
	a.pending.Add(1)
	select {
	case a.queue <- n:
	default:
		a.pending.Add(-1)
		a.log.WarnContext(ctx, "match announcement dropped: queue full", "type", n.Type, "id", n.ID, "version", n.Version)
	}
}

// Run publishes queued announcements until ctx ends, then publishes what
// is still queued, each within the publish timeout, and returns nil.
func (a *Announcer) Run(ctx context.Context) error {
	for {
		select {
		case g := <-a.queue:
			a.publish(ctx, g)
		case <-ctx.Done():
			for {
				select {
				case g := <-a.queue:
					a.publish(context.WithoutCancel(ctx), g)
				default:
					return nil
				}
			}
		}
	}
}

// Flush returns once everything announced so far is published or given
// up, or when ctx ends.
func (a *Announcer) Flush(ctx context.Context) error {
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for a.pending.Load() > 0 {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	return nil
}

// publish puts one announcement on the stream; a failure is logged by id.
func (a *Announcer) publish(ctx context.Context, n announcement) {
	defer a.pending.Add(-1)
	e, err := events.NewEnvelope(n.Type, n.ID, n.Version, Producer)
	if err == nil {
		ctx, cancel := context.WithTimeout(ctx, publishTimeout)
		_, err = a.pub.Publish(ctx, a.stream, e)
		cancel()
	}
	if err != nil {
		a.log.WarnContext(ctx, "match announcement not published", "type", n.Type, "id", n.ID,
			"version", n.Version, "error", err.Error())
	}
}

// eventType is the event announcing a gain of a kind of list.
func eventType(k results.ListKind) string {
	if k == results.ShortlistKind {
		return TypeRoleFullAdded
	}
	return TypeCandidateFullAdded
}
