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
	"github.com/onward-jobs/onward/services/employers/internal/service"
)

// PendingEvents returns up to limit events waiting in roles and profiles.
func (s *Store) PendingEvents(ctx context.Context, limit int) ([]events.Envelope, error) {
	var out []events.Envelope
	for _, coll := range []*mongo.Collection{s.roles, s.profiles} {
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
// with.
func (s *Store) MarkPublished(ctx context.Context, e events.Envelope) error {
	raw, err := encode(e)
	if err != nil {
		return err
	}
	coll := s.roles
	if e.Type == service.EventEmployerUpdated {
		coll = s.profiles
	}
	unlock, err := s.lock(ctx, coll, e.AggregateID)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: e.AggregateID}},
		bson.D{{Key: "$pull", Value: bson.D{{Key: "pending_events", Value: raw}}}})
	if err != nil {
		return fmt.Errorf("clear event %s: %w", e.ID, err)
	}
	return nil
}
