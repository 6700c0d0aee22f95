package mongo

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// tombstoneDoc is what remains of an erased candidate. CandidateID is kept
// only while the candidate.erased event is pending, so an interrupted
// erasure can be finished; MarkPublished removes it.
type tombstoneDoc struct {
	ID            string    `bson:"_id"`
	OrgID         string    `bson:"org_id"`
	IDDigest      string    `bson:"id_digest"`
	ErasedAt      time.Time `bson:"erased_at"`
	ErasedBy      string    `bson:"erased_by"`
	CandidateID   string    `bson:"candidate_id,omitempty"`
	PendingEvents []string  `bson:"pending_events,omitempty"`
}

func toTombstoneDoc(t domain.Tombstone, candidateID, event string) tombstoneDoc {
	return tombstoneDoc{
		ID: t.ID, OrgID: t.OrgID, IDDigest: t.IDDigest, ErasedAt: t.ErasedAt, ErasedBy: t.ErasedBy,
		CandidateID: candidateID, PendingEvents: []string{event},
	}
}

// EraseCandidate first stores the tombstone with its event and the
// candidate's id, then deletes the candidate's audit entries and the
// candidate. The tombstone comes first so that a crash at any later point
// leaves a record FinishErasures completes.
func (s *Store) EraseCandidate(ctx context.Context, id string, t domain.Tombstone, e events.Envelope) error {
	event, err := encodeEvent(e)
	if err != nil {
		return err
	}
	if _, err := s.tombstones.InsertOne(ctx, toTombstoneDoc(t, id, event)); err != nil {
		return fmt.Errorf("insert tombstone of an erasure: %w", err)
	}
	_, err = s.eraseRemains(ctx, id)
	return err
}

// eraseRemains deletes the candidate's disclosure grants, audit entries
// and then the candidate, and reports whether anything was left to
// delete. Running it again is harmless.
func (s *Store) eraseRemains(ctx context.Context, id string) (bool, error) {
	grants, err := s.disclosures.DeleteMany(ctx, bson.D{{Key: "candidate_id", Value: id}})
	if err != nil {
		return false, fmt.Errorf("erase disclosures of candidate %s: %w", id, err)
	}
	audit, err := s.audit.DeleteMany(ctx, bson.D{{Key: "candidate_id", Value: id}})
	if err != nil {
		return false, fmt.Errorf("erase audit entries of candidate %s: %w", id, err)
	}
	unlock, err := s.lock(ctx, s.candidates, id)
	if err != nil {
		return false, err
	}
	defer unlock()
	cand, err := s.candidates.DeleteOne(ctx, bson.D{{Key: "_id", Value: id}})
	if err != nil {
		return false, fmt.Errorf("erase candidate %s: %w", id, err)
	}
	return grants.DeletedCount+audit.DeletedCount+cand.DeletedCount > 0, nil
}

// FinishErasures redoes the deletions of every tombstone that still names
// its candidate (its event is unpublished) and returns how many of them
// still had something to delete: the erasures a crash had interrupted.
func (s *Store) FinishErasures(ctx context.Context) (int, error) {
	cur, err := s.tombstones.Find(ctx, bson.D{{Key: "candidate_id", Value: bson.D{{Key: "$exists", Value: true}}}})
	if err != nil {
		return 0, fmt.Errorf("find unfinished erasures: %w", err)
	}
	var docs []tombstoneDoc
	if err := cur.All(ctx, &docs); err != nil {
		return 0, fmt.Errorf("read unfinished erasures: %w", err)
	}
	finished := 0
	for _, d := range docs {
		if d.CandidateID == "" {
			continue
		}
		left, err := s.eraseRemains(ctx, d.CandidateID)
		if err != nil {
			return finished, err
		}
		if left {
			finished++
		}
	}
	return finished, nil
}
