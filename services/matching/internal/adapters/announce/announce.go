// Package announce publishes the matching service's own events: that a
// role's shortlist or a candidate's suggestions gained full matches
// (results.Gain), on the matching stream through pkg/events. Publishing
// is best effort and off the write path: Announce only queues, one worker
// publishes, and an announcement that cannot be published is logged by id
// and dropped. Its readers (notifications' digests) tolerate a lost one;
// the list is written either way.
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

// Announcer implements results.Announcer. Run it beside the service.
type Announcer struct {
	pub     Publisher
	stream  string
	log     *slog.Logger
	queue   chan results.Gain
	pending atomic.Int64
}

var _ results.Announcer = (*Announcer)(nil)

// New returns an Announcer publishing to stream through pub; a nil logger
// is slog.Default().
func New(pub Publisher, stream string, log *slog.Logger) *Announcer {
	if log == nil {
		log = slog.Default()
	}
	return &Announcer{pub: pub, stream: stream, log: log, queue: make(chan results.Gain, queueSize)}
}

// Announce queues g for publishing without waiting.
func (a *Announcer) Announce(ctx context.Context, g results.Gain) {
	a.pending.Add(1)
	select {
	case a.queue <- g:
	default:
		a.pending.Add(-1)
		a.log.WarnContext(ctx, "match announcement dropped: queue full", "list", string(g.Kind), "id", g.ID, "version", g.Version)
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

// publish puts one gain on the stream; a failure is logged by id.
func (a *Announcer) publish(ctx context.Context, g results.Gain) {
	defer a.pending.Add(-1)
	e, err := events.NewEnvelope(eventType(g.Kind), g.ID, g.Version, Producer)
	if err == nil {
		ctx, cancel := context.WithTimeout(ctx, publishTimeout)
		_, err = a.pub.Publish(ctx, a.stream, e)
		cancel()
	}
	if err != nil {
		a.log.WarnContext(ctx, "match announcement not published", "list", string(g.Kind), "id", g.ID,
			"version", g.Version, "error", err.Error())
	}
}

// eventType is the event announcing a gain of a kind of list.
func eventType(k results.ListKind) string {
	if k == results.ShortlistKind {
		return TypeRoleFullAdded
	}
	return TypeCandidateFullAdded
}
