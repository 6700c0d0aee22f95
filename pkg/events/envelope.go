package events

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// Envelope is the only thing that travels on an Onward stream. It names what
// happened (Type) to which aggregate (AggregateID) and at which version of it,
// and deliberately has no free-form payload: events carry identifiers, never
// personal data, so a consumer that needs details asks the owning service.
// That keeps personal data out of Redis, dead letters and logs, and lets an
// erasure request be served by one service alone.
type Envelope struct {
	// ID identifies this event; consumer groups de-duplicate on it.
	ID string `json:"id"`
	// Type names the event, such as "candidate.profile_updated".
	Type string `json:"type"`
	// AggregateID identifies the entity the event is about.
	AggregateID string `json:"aggregate_id"`
	// Version is the aggregate's version after this event, starting at 1,
	// so consumers can discard stale or out-of-order events.
	Version int64 `json:"version"`
	// OccurredAt is when the change happened, always in UTC.
	OccurredAt time.Time `json:"occurred_at"`
	// Producer names the service that published the event.
	Producer string `json:"producer"`
}

// ErrInvalidEnvelope is wrapped by every validation and decoding failure, so
// callers can tell a malformed event from a Redis failure.
var ErrInvalidEnvelope = errors.New("events: invalid envelope")

// NewEnvelope returns a valid envelope with a fresh random UUID and the current
// UTC time, or an error wrapping ErrInvalidEnvelope when an argument is empty
// or version is below 1.
func NewEnvelope(eventType, aggregateID string, version int64, producer string) (Envelope, error) {
	e := Envelope{
		ID:          uuid.NewString(),
		Type:        eventType,
		AggregateID: aggregateID,
		Version:     version,
		OccurredAt:  time.Now().UTC(),
		Producer:    producer,
	}
	if err := e.Validate(); err != nil {
		return Envelope{}, err
	}
	return e, nil
}

// Validate reports, wrapping ErrInvalidEnvelope, the first field that would
// make the envelope unusable. The id must be a UUID because it becomes part of
// a Redis key used for de-duplication.
func (e Envelope) Validate() error {
	switch {
	case uuid.Validate(e.ID) != nil:
		return fmt.Errorf("%w: id is not a UUID", ErrInvalidEnvelope)
	case e.Type == "":
		return fmt.Errorf("%w: type is empty", ErrInvalidEnvelope)
	case e.AggregateID == "":
		return fmt.Errorf("%w: aggregate_id is empty", ErrInvalidEnvelope)
	case e.Version < 1:
		return fmt.Errorf("%w: version %d is below 1", ErrInvalidEnvelope, e.Version)
	case e.OccurredAt.IsZero():
		return fmt.Errorf("%w: occurred_at is missing", ErrInvalidEnvelope)
	case e.Producer == "":
		return fmt.Errorf("%w: producer is empty", ErrInvalidEnvelope)
	}
	return nil
}

// encodeEnvelope validates e and renders it as the JSON stored in a stream.
func encodeEnvelope(e Envelope) (string, error) {
	if err := e.Validate(); err != nil {
		return "", err
	}
	e.OccurredAt = e.OccurredAt.UTC()
	b, err := json.Marshal(e)
	if err != nil {
		return "", fmt.Errorf("events: encode envelope %s: %w", e.ID, err)
	}
	return string(b), nil
}

// decodeEnvelope parses and validates stored JSON. Unknown fields are ignored
// so that an older consumer keeps working when the envelope gains a field.
// The error text never quotes the input, since it ends up in logs.
func decodeEnvelope(raw string) (Envelope, error) {
	var e Envelope
	if err := json.Unmarshal([]byte(raw), &e); err != nil {
		return Envelope{}, fmt.Errorf("%w: not envelope JSON (%d bytes)", ErrInvalidEnvelope, len(raw))
	}
	e.OccurredAt = e.OccurredAt.UTC()
	if err := e.Validate(); err != nil {
		return Envelope{}, err
	}
	return e, nil
}
