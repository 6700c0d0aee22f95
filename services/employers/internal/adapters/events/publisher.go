// Package events publishes the employers service's events to Redis streams:
// role.changed to one stream and employer.updated to another.
package events

import (
	"context"
	"fmt"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/services/employers/internal/service"
)

// Default stream names.
const (
	DefaultRolesStream    = "onward.employers.roles"
	DefaultProfilesStream = "onward.employers.profiles"
)

// Publisher sends each event to the stream of its type.
type Publisher struct {
	Events         *events.Publisher
	RolesStream    string
	ProfilesStream string
}

// Publish appends e to its stream.
func (p Publisher) Publish(ctx context.Context, e events.Envelope) error {
	stream := p.RolesStream
	switch e.Type {
	case service.EventRoleChanged:
	case service.EventEmployerUpdated:
		stream = p.ProfilesStream
	default:
		return fmt.Errorf("no stream for event type %q", e.Type)
	}
	_, err := p.Events.Publish(ctx, stream, e)
	return err
}
