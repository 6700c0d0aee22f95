// Package events publishes the candidates service's events to one Redis
// stream. All its types share it, so a consumer sees a candidate's
// changes, consent and erasure in the order they happened.
package events

import (
	"context"
	"fmt"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// DefaultStream is the stream's default name.
const DefaultStream = "onward.candidates"

// Publisher sends the service's events to Stream.
type Publisher struct {
	Events *events.Publisher
	Stream string
}

// Publish appends e to the stream; an event type this service does not
// publish is refused, so nothing else ends up on the stream by mistake.
func (p Publisher) Publish(ctx context.Context, e events.Envelope) error {
	switch e.Type {
	case service.EventCandidateChanged, service.EventConsentChanged, service.EventCandidateErased, service.EventDisclosureChanged:
	default:
		return fmt.Errorf("no stream for event type %q", e.Type)
	}
	_, err := p.Events.Publish(ctx, p.Stream, e)
	return err
}
