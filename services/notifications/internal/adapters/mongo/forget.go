package mongo

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/services/notifications/internal/domain"
)

// ForgetSubject deletes every inbox item about the subject (a candidate
// who was erased) and every delivery made for those items, so erasure
// reaches this service's copies of the id too; for a candidate, the items
// about the candidate's introductions go as well, and so do the
// candidate's own deliveries (the invitation to their account, with its
// address). It is idempotent.
func (s *Store) ForgetSubject(ctx context.Context, subjectType, subjectID string) error {
	filter := bson.D{{Key: "subject_type", Value: subjectType}, {Key: "subject_id", Value: subjectID}}
	if subjectType == domain.SubjectCandidate {
		filter = bson.D{{Key: "$or", Value: bson.A{filter, bson.D{{Key: "candidate_id", Value: subjectID}}}}}
	}
	var items []struct {
		ID       string `bson:"_id"`
		UserID   string `bson:"user_id"`
		SourceID string `bson:"source_id"`
	}
	cur, err := s.inbox.Find(ctx, filter)
	if err != nil {
		return fmt.Errorf("inbox items about %s %s: %w", subjectType, subjectID, err)
	}
	if err := cur.All(ctx, &items); err != nil {
		return fmt.Errorf("inbox items about %s %s: %w", subjectType, subjectID, err)
	}
	sources := make([]string, 0, len(items))
	byUser := map[string][]string{}
	for _, it := range items {
		sources = append(sources, it.SourceID)
		byUser[it.UserID] = append(byUser[it.UserID], it.ID)
	}
	// The deliveries go first: should the second delete fail, a retry
	// still finds the items that name their sources.
	if len(sources) > 0 {
		if _, err := s.deliveries.DeleteMany(ctx, bson.D{{Key: "source_id", Value: bson.D{{Key: "$in", Value: sources}}}}); err != nil {
			return fmt.Errorf("deliveries about %s %s: %w", subjectType, subjectID, err)
		}
	}
	if subjectType == domain.SubjectCandidate {
		if _, err := s.deliveries.DeleteMany(ctx, bson.D{{Key: "candidate_id", Value: subjectID}}); err != nil {
			return fmt.Errorf("deliveries to %s %s: %w", subjectType, subjectID, err)
		}
	}
	// The heads go before the items for the same reason.
	for user, ids := range byUser {
		if err := s.dropFromHead(ctx, user, ids, false); err != nil {
			return err
		}
	}
	if _, err := s.inbox.DeleteMany(ctx, filter); err != nil {
		return fmt.Errorf("inbox items about %s %s: %w", subjectType, subjectID, err)
	}
	return nil
}
