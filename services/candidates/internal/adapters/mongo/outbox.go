package mongo

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// PendingEvents moves audit entries left in candidate documents to the
// audit log, then returns up to limit events waiting in candidates and
// tombstones.
func (s *Store) PendingEvents(ctx context.Context, limit int) ([]events.Envelope, error) {
	if err := s.movePendingAudit(ctx, limit); err != nil {
		return nil, err
	}
	var out []events.Envelope
	for _, coll := range []*mongo.Collection{s.candidates, s.tombstones, s.disclosures} {
		raws, err := pendingIn(ctx, coll, "pending_events", limit-len(out))
		if err != nil {
			return nil, err
		}
		for _, p := range raws {
			e, err := decodeEvent(p.raw)
			if err != nil {
				return nil, fmt.Errorf("%s %s: %w", coll.Name(), p.docID, err)
			}
			out = append(out, e)
		}
	}
	return out, nil
}

// movePendingAudit moves up to limit audit entries, of candidates, of
// programmes and of disclosure grants, whose writer stopped before moving
// them.
func (s *Store) movePendingAudit(ctx context.Context, limit int) error {
	for _, coll := range []*mongo.Collection{s.candidates, s.programmes, s.disclosures} {
		raws, err := pendingIn(ctx, coll, "pending_audit", limit)
		if err != nil {
			return err
		}
		for _, p := range raws {
			if err := s.moveAudit(ctx, coll, p.docID, p.raw); err != nil {
				return err
			}
		}
	}
	return nil
}

// pending is one value of a pending list and the document holding it.
type pending struct {
	docID string
	raw   string
}

// pendingIn returns up to limit values of the array field from the
// documents of coll that have any.
func pendingIn(ctx context.Context, coll *mongo.Collection, field string, limit int) ([]pending, error) {
	if limit <= 0 {
		return nil, nil
	}
	cur, err := coll.Find(ctx, mongox.PendingFilter(field),
		options.Find().SetProjection(bson.D{{Key: field, Value: 1}}).SetLimit(int64(limit)))
	if err != nil {
		return nil, fmt.Errorf("find %s in %s: %w", field, coll.Name(), err)
	}
	var docs []struct {
		ID     string   `bson:"_id"`
		Events []string `bson:"pending_events"`
		Audit  []string `bson:"pending_audit"`
	}
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("read %s in %s: %w", field, coll.Name(), err)
	}
	var out []pending
	for _, d := range docs {
		values := d.Events
		if field == "pending_audit" {
			values = d.Audit
		}
		for _, raw := range values {
			if len(out) == limit {
				return out, nil
			}
			out = append(out, pending{docID: d.ID, raw: raw})
		}
	}
	return out, nil
}

// MarkPublished removes a published event from the document it was stored
// with. A candidate.erased event is cleared from its tombstone, together
// with the candidate's id, after deleting the candidate's remains once more
// (a read racing the erasure may have appended an audit entry): once the
// id is gone nothing could finish the erasure.
func (s *Store) MarkPublished(ctx context.Context, e events.Envelope) error {
	raw, err := encodeEvent(e)
	if err != nil {
		return err
	}
	if e.Type == service.EventCandidateErased {
		if _, err := s.eraseRemains(ctx, e.AggregateID); err != nil {
			return err
		}
		// Only this call and its repeats change a tombstone, and they all
		// write the same result, so no lock is needed.
		_, err := s.tombstones.UpdateOne(ctx, bson.D{{Key: "pending_events", Value: raw}}, bson.D{
			{Key: "$unset", Value: bson.D{{Key: "candidate_id", Value: ""}}},
			{Key: "$pull", Value: bson.D{{Key: "pending_events", Value: raw}}},
		})
		if err != nil {
			return fmt.Errorf("clear event %s from its tombstone: %w", e.ID, err)
		}
		return nil
	}
	coll := s.candidates
	if e.Type == service.EventDisclosureChanged {
		coll = s.disclosures
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
