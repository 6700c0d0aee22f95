package mongo

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/onward-jobs/onward/services/placements/internal/domain"
)

// CandidateRecord returns everything stored about one candidate.
func (s *Store) CandidateRecord(ctx context.Context, candidateID string) (domain.CandidateRecord, error) {
	var rec domain.CandidateRecord
	q := bson.D{{Key: "candidate_id", Value: candidateID}}
	ins, err := findAll[introductionDoc](ctx, s.introductions, q, 0)
	if err != nil {
		return rec, err
	}
	for _, d := range ins {
		rec.Introductions = append(rec.Introductions, toDomainIntroduction(d))
	}
	msgs, err := findAll[messageDoc](ctx, s.messages, q, 0)
	if err != nil {
		return rec, err
	}
	for _, d := range msgs {
		rec.Messages = append(rec.Messages, toDomainMessage(d))
	}
	ps, err := findAll[placementDoc](ctx, s.placements, q, 0)
	if err != nil {
		return rec, err
	}
	for _, d := range ps {
		rec.Placements = append(rec.Placements, toDomainPlacement(d))
	}
	fus, err := findAll[followUpDoc](ctx, s.followUps, q, 0)
	if err != nil {
		return rec, err
	}
	for _, d := range fus {
		rec.FollowUps = append(rec.FollowUps, toDomainFollowUp(d))
	}
	return rec, nil
}

// ForgetCandidate deletes everything stored about a candidate: their
// introductions with the events still waiting in them, open slots,
// messages, placements and follow-ups. Deleting twice is harmless.
func (s *Store) ForgetCandidate(ctx context.Context, candidateID string) error {
	q := bson.D{{Key: "candidate_id", Value: candidateID}}
	for _, coll := range []*mongo.Collection{s.messages, s.followUps, s.placements, s.openRequests, s.introductions} {
		if _, err := coll.DeleteMany(ctx, q); err != nil {
			return fmt.Errorf("erase candidate from %s: %w", coll.Name(), err)
		}
	}
	return nil
}
