// Package events publishes the gateway's events (organisation.status_changed)
// to its Redis stream, onward.gateway by default, and consumes the
// candidates service's erasures (candidate.erased), which close a
// candidate's own account.
package events

import (
	"context"

	"github.com/onward-jobs/onward/pkg/events"
)

// DefaultStream is the gateway's stream.
const DefaultStream = "onward.gateway"

// Publisher sends every gateway event to one stream.
type Publisher struct {
	Events *events.Publisher
	Stream string
}

// Publish appends e to the stream.
func (p Publisher) Publish(ctx context.Context, e events.Envelope) error {
	_, err := p.Events.Publish(ctx, p.Stream, e)
	return err
}
