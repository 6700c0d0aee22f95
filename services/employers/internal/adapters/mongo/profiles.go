package mongo

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
)

// profileDoc is a profile as stored; _id is the organisation id.
type profileDoc struct {
	ID        string                `bson:"_id"`
	Version   int64                 `bson:"version"`
	CreatedAt time.Time             `bson:"created_at"`
	UpdatedAt time.Time             `bson:"updated_at"`
	Details   domain.ProfileDetails `bson:"details"`
	Pending   []string              `bson:"pending_events,omitempty"`
}

func toDomainProfile(d profileDoc) domain.Profile {
	return domain.Profile{ID: d.ID, Version: d.Version, CreatedAt: d.CreatedAt.UTC(), UpdatedAt: d.UpdatedAt.UTC(), Details: d.Details}
}

// InsertProfile stores a new profile with its pending event.
func (s *Store) InsertProfile(ctx context.Context, p domain.Profile, e events.Envelope) error {
	raw, err := encode(e)
	if err != nil {
		return err
	}
	doc := profileDoc{ID: p.ID, Version: p.Version, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt, Details: p.Details, Pending: []string{raw}}
	if _, err := s.profiles.InsertOne(ctx, doc); err != nil {
		if mongox.IsDuplicateKey(err) {
			return fmt.Errorf("profile %s exists: %w", p.ID, errs.Conflict)
		}
		return fmt.Errorf("insert profile %s: %w", p.ID, err)
	}
	return nil
}

// UpdateProfile replaces the profile if it is still at version prev.
func (s *Store) UpdateProfile(ctx context.Context, p domain.Profile, prev int64, e events.Envelope) error {
	return s.conditionalUpdate(ctx, s.profiles, p.ID, prev, bson.D{
		{Key: "version", Value: p.Version}, {Key: "updated_at", Value: p.UpdatedAt}, {Key: "details", Value: p.Details},
	}, e)
}

// Profile returns a profile by id.
func (s *Store) Profile(ctx context.Context, id string) (domain.Profile, error) {
	var d profileDoc
	if err := s.profiles.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d); err != nil {
		return domain.Profile{}, mongox.NotFoundAs(err, "profile %s", id)
	}
	return toDomainProfile(d), nil
}
