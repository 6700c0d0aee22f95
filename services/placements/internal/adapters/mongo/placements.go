package mongo

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/placements/internal/domain"
)

// CreatePlacement stores a new placement with its event. An introduction
// has at most one placement: a second is domain.ErrDuplicate.
func (s *Store) CreatePlacement(ctx context.Context, p domain.Placement, e events.Envelope) error {
	raw, err := encode(e)
	if err != nil {
		return err
	}
	doc := toPlacementDoc(p)
	doc.Pending = []string{raw}
	if _, err := s.placements.InsertOne(ctx, doc); err != nil {
		if mongox.IsDuplicateKey(err) {
			return domain.ErrDuplicate
		}
		return fmt.Errorf("insert placement %s: %w", p.ID, err)
	}
	return nil
}

// Placement returns a placement by id.
func (s *Store) Placement(ctx context.Context, id string) (domain.Placement, error) {
	return s.placementWhere(ctx, "_id", id)
}

// PlacementOfIntroduction returns the placement an introduction led to.
func (s *Store) PlacementOfIntroduction(ctx context.Context, introductionID string) (domain.Placement, error) {
	return s.placementWhere(ctx, "introduction_id", introductionID)
}

func (s *Store) placementWhere(ctx context.Context, key, value string) (domain.Placement, error) {
	var d placementDoc
	if err := s.placements.FindOne(ctx, bson.D{{Key: key, Value: value}}).Decode(&d); err != nil {
		if isNoDocuments(err) {
			return domain.Placement{}, notFound("placement", value)
		}
		return domain.Placement{}, fmt.Errorf("read placement %s: %w", value, err)
	}
	return toDomainPlacement(d), nil
}

// UpdatePlacement stores p if it is still at version prev, with its
// events.
func (s *Store) UpdatePlacement(ctx context.Context, p domain.Placement, prev int64, es ...events.Envelope) error {
	return s.conditionalUpdate(ctx, s.placements, p.ID, prev, toPlacementDoc(p), es)
}

// ListPlacements returns one page of placements, newest first.
func (s *Store) ListPlacements(ctx context.Context, f domain.PlacementFilter, page mongox.PageRequest) ([]domain.Placement, string, error) {
	q := scopeFilter(bson.D{}, f.Scope)
	if f.Status != "" {
		q = append(q, bson.E{Key: "status", Value: string(f.Status)})
	}
	if f.CandidateID != "" {
		q = append(q, bson.E{Key: "candidate_id", Value: f.CandidateID})
	}
	docs, next, err := newestFirst(ctx, s.placements, q, page, func(d placementDoc) string { return d.ID })
	if err != nil {
		return nil, "", err
	}
	out := make([]domain.Placement, len(docs))
	for i, d := range docs {
		out[i] = toDomainPlacement(d)
	}
	return out, next, nil
}

// PlacementsWithPendingSteps returns up to limit placements that still owe
// a step.
func (s *Store) PlacementsWithPendingSteps(ctx context.Context, limit int) ([]domain.Placement, error) {
	docs, err := findAll[placementDoc](ctx, s.placements, bson.D{{Key: "has_pending_steps", Value: true}}, limit)
	if err != nil {
		return nil, err
	}
	out := make([]domain.Placement, len(docs))
	for i, d := range docs {
		out[i] = toDomainPlacement(d)
	}
	return out, nil
}

// InsertFollowUps stores a placement's follow-ups; those stored already
// (a retried step) are left as they are.
func (s *Store) InsertFollowUps(ctx context.Context, fus []domain.FollowUp) error {
	for _, f := range fus {
		_, err := s.followUps.InsertOne(ctx, toFollowUpDoc(f))
		if err != nil && !mongox.IsDuplicateKey(err) {
			return fmt.Errorf("insert follow-up of placement %s: %w", f.PlacementID, err)
		}
	}
	return nil
}

// FollowUp returns a follow-up by id.
func (s *Store) FollowUp(ctx context.Context, id string) (domain.FollowUp, error) {
	var d followUpDoc
	if err := s.followUps.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d); err != nil {
		if isNoDocuments(err) {
			return domain.FollowUp{}, notFound("follow-up", id)
		}
		return domain.FollowUp{}, fmt.Errorf("read follow-up %s: %w", id, err)
	}
	return toDomainFollowUp(d), nil
}

// UpdateFollowUp stores f if it is still at version prev, with its events.
func (s *Store) UpdateFollowUp(ctx context.Context, f domain.FollowUp, prev int64, es ...events.Envelope) error {
	return s.conditionalUpdate(ctx, s.followUps, f.ID, prev, toFollowUpDoc(f), es)
}

// ListFollowUps returns one page of follow-ups, soonest due first.
func (s *Store) ListFollowUps(ctx context.Context, f domain.FollowUpFilter, page mongox.PageRequest) ([]domain.FollowUp, string, error) {
	q := scopeFilter(bson.D{}, f.Scope)
	if f.Audience != "" {
		q = append(q, bson.E{Key: "audience", Value: f.Audience})
	}
	if f.Status != "" {
		q = append(q, bson.E{Key: "status", Value: string(f.Status)})
	}
	if !f.DueBefore.IsZero() {
		q = append(q, bson.E{Key: "due_at", Value: bson.D{{Key: "$lt", Value: f.DueBefore}}})
	}
	docs, next, err := mongox.FindPage(ctx, s.followUps, q, page, func(d followUpDoc) string { return d.ID })
	if err != nil {
		return nil, "", err
	}
	out := make([]domain.FollowUp, len(docs))
	for i, d := range docs {
		out[i] = toDomainFollowUp(d)
	}
	return out, next, nil
}

// FollowUpsDue returns up to limit open follow-ups due at now whose
// followup.due has not been raised.
func (s *Store) FollowUpsDue(ctx context.Context, now time.Time, limit int) ([]domain.FollowUp, error) {
	cur, err := s.followUps.Find(ctx, bson.D{{Key: "status", Value: string(domain.FollowUpOpen)}, {Key: "notified", Value: false},
		{Key: "due_at", Value: bson.D{{Key: "$lte", Value: now}}}}, options.Find().SetSort(bson.D{{Key: "due_at", Value: 1}}).SetLimit(int64(limit)))
	if err != nil {
		return nil, fmt.Errorf("find due follow-ups: %w", err)
	}
	var docs []followUpDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("read due follow-ups: %w", err)
	}
	out := make([]domain.FollowUp, len(docs))
	for i, d := range docs {
		out[i] = toDomainFollowUp(d)
	}
	return out, nil
}

// FollowUpsOfPlacement returns a placement's follow-ups.
func (s *Store) FollowUpsOfPlacement(ctx context.Context, placementID string) ([]domain.FollowUp, error) {
	docs, err := findAll[followUpDoc](ctx, s.followUps, bson.D{{Key: "placement_id", Value: placementID}}, 0)
	if err != nil {
		return nil, err
	}
	out := make([]domain.FollowUp, len(docs))
	for i, d := range docs {
		out[i] = toDomainFollowUp(d)
	}
	return out, nil
}
