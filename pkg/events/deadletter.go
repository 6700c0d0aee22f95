package events

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/redis/go-redis/v9"
)

// DeadLetterSuffix ends the name of a dead-letter stream, so
// "candidates.events" dead-letters to "{candidates.events}.dead" (see
// DeadLetterStream).
const DeadLetterSuffix = ".dead"

// Field names of a dead-letter entry. The envelope field keeps the name it has
// in the source stream so that replay tooling can XADD it back unchanged.
const (
	deadGroupField      = "group"
	deadDeliveriesField = "delivery_count"
	deadErrorField      = "last_error"
	deadSourceIDField   = "source_id"
)

// maxErrorLen caps the stored error text; a dead letter records why, not a
// transcript.
const maxErrorLen = 512

// DeadLetter is one entry of a dead-letter stream: an event some group gave up
// on. It holds the original envelope text and ids, never personal data, as
// long as handlers keep personal data out of their errors.
type DeadLetter struct {
	// Envelope is the source entry's envelope field exactly as stored, which
	// may be malformed; other fields of a malformed entry are not copied.
	Envelope string
	// Group is the consumer group that gave up.
	Group string
	// Deliveries is how many times the entry was delivered to that group.
	Deliveries int64
	// LastError is the text of the last failure, cut to 512 bytes.
	LastError string
	// SourceID is the entry's id in the source stream.
	SourceID string
}

// ParseDeadLetter reads a dead-letter stream entry, for tooling that inspects
// or replays dead letters.
func ParseDeadLetter(msg redis.XMessage) (DeadLetter, error) {
	str := func(k string) string { v, _ := msg.Values[k].(string); return v }
	n, err := strconv.ParseInt(str(deadDeliveriesField), 10, 64)
	if err != nil {
		return DeadLetter{}, fmt.Errorf("events: dead letter %s has no delivery count", msg.ID)
	}
	return DeadLetter{
		Envelope:   str(EnvelopeField),
		Group:      str(deadGroupField),
		Deliveries: n,
		LastError:  str(deadErrorField),
		SourceID:   str(deadSourceIDField),
	}, nil
}

// deadLetter copies an entry to the dead-letter stream and acknowledges it
// in one MULTI/EXEC, so the event is never lost between the two and never
// dead-lettered twice by a crash in between. The dead-letter stream shares
// the source stream's cluster slot (SlotTag), which a transaction needs.
func (s *Subscriber) deadLetter(ctx context.Context, entryID, raw string, deliveries int64, cause error) error {
	lastErr := cause.Error()
	if len(lastErr) > maxErrorLen {
		lastErr = strings.ToValidUTF8(lastErr[:maxErrorLen], "")
	}
	_, err := s.rdb.TxPipelined(ctx, func(pipe redis.Pipeliner) error {
		pipe.XAdd(ctx, &redis.XAddArgs{
			Stream: DeadLetterStream(s.cfg.Stream),
			Values: []any{
				EnvelopeField, raw,
				deadGroupField, s.cfg.Group,
				deadDeliveriesField, deliveries,
				deadErrorField, lastErr,
				deadSourceIDField, entryID,
			},
		})
		pipe.XAck(ctx, s.cfg.Stream, s.cfg.Group, entryID)
		return nil
	})
	if err != nil {
		return fmt.Errorf("events: dead-letter entry %s: %w", entryID, err)
	}
	s.log.Warn("events: entry moved to dead-letter stream",
		"entry_id", entryID, "deliveries", deliveries, "error", lastErr)
	return nil
}
