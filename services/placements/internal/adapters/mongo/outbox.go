package mongo

import (
	"context"
	"encoding/json"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/mongox"
)

// outboxes are the collections whose documents carry pending events.
func (s *Store) outboxes() []*mongo.Collection {
	return []*mongo.Collection{s.introductions, s.placements, s.followUps}
}

// PendingEvents returns up to limit events waiting in any document.
func (s *Store) PendingEvents(ctx context.Context, limit int) ([]events.Envelope, error) {
	var out []events.Envelope
	for _, coll := range s.outboxes() {
		cur, err := coll.Find(ctx, mongox.PendingFilter("pending_events"),
			options.Find().SetProjection(bson.D{{Key: "pending_events", Value: 1}}).SetLimit(int64(limit)))
		if err != nil {
			return nil, fmt.Errorf("find pending events in %s: %w", coll.Name(), err)
		}
		var docs []struct {
			Pending []string `bson:"pending_events"`
		}
		if err := cur.All(ctx, &docs); err != nil {
			return nil, fmt.Errorf("read pending events in %s: %w", coll.Name(), err)
		}
		for _, d := range docs {
			for _, raw := range d.Pending {
				var e events.Envelope
				if err := json.Unmarshal([]byte(raw), &e); err != nil {
					return nil, fmt.Errorf("pending event in %s: %w", coll.Name(), err)
				}
				e.OccurredAt = e.OccurredAt.UTC()
				out = append(out, e)
			}
		}
	}
	return out, nil
}

// MarkPublished removes a published event from the document it was stored
// with. Every event's aggregate is its introduction; the event is in the
// introduction or in a placement or follow-up of it.
func (s *Store) MarkPublished(ctx context.Context, e events.Envelope) error {
	raw, err := encode(e)
	if err != nil {
		return err
	}
	for _, coll := range s.outboxes() {
		key := "introduction_id"
		if coll == s.introductions {
			key = "_id"
		}
		cur, err := coll.Find(ctx, bson.D{{Key: key, Value: e.AggregateID}}, options.Find().SetProjection(bson.D{{Key: "pending_events", Value: 1}}))
		if err != nil {
			return fmt.Errorf("find event %s: %w", e.ID, err)
		}
		var docs []struct {
			ID      string   `bson:"_id"`
			Pending []string `bson:"pending_events"`
		}
		if err := cur.All(ctx, &docs); err != nil {
			return fmt.Errorf("read event %s: %w", e.ID, err)
		}
		for _, d := range docs {
			for _, p := range d.Pending {
				if p == raw {
					return s.pull(ctx, coll, d.ID, raw)
				}
			}
		}
	}
	return nil
}

func (s *Store) pull(ctx context.Context, coll *mongo.Collection, id, raw string) error {
	unlock, err := s.lock(ctx, coll, id)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, bson.D{{Key: "$pull", Value: bson.D{{Key: "pending_events", Value: raw}}}})
	if err != nil {
		return fmt.Errorf("clear event: %w", err)
	}
	return nil
}
