package mongo

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/services/notifications/internal/domain"
)

// settingsDoc is a user's choices or an organisation's defaults, keyed by
// the user or organisation id. DigestDay is the local day of the user's
// last digest.
type settingsDoc struct {
	ID         string            `bson:"_id"`
	Kinds      map[string]string `bson:"kinds,omitempty"`
	DigestHour *int              `bson:"digest_hour,omitempty"`
	TimeZone   string            `bson:"time_zone,omitempty"`
	DigestDay  string            `bson:"digest_day,omitempty"`
}

func toDomainSettings(d settingsDoc) domain.Settings {
	s := domain.Settings{Kinds: map[string]domain.Frequency{}, DigestHour: d.DigestHour, TimeZone: d.TimeZone}
	for k, f := range d.Kinds {
		s.Kinds[k] = domain.Frequency(f)
	}
	return s
}

func settingsSet(s domain.Settings) bson.D {
	kinds := bson.D{}
	for k, f := range s.Kinds {
		kinds = append(kinds, bson.E{Key: k, Value: string(f)})
	}
	set := bson.D{{Key: "kinds", Value: kinds}, {Key: "time_zone", Value: s.TimeZone}}
	if s.DigestHour != nil {
		set = append(set, bson.E{Key: "digest_hour", Value: *s.DigestHour})
	} else {
		set = append(set, bson.E{Key: "digest_hour", Value: nil})
	}
	return set
}

func (s *Store) loadSettings(ctx context.Context, coll *mongo.Collection, id string) (settingsDoc, error) {
	var d settingsDoc
	err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d)
	if isNoDocuments(err) {
		return settingsDoc{ID: id}, nil
	}
	if err != nil {
		return d, fmt.Errorf("load settings from %s: %w", coll.Name(), err)
	}
	return d, nil
}

func (s *Store) putSettings(ctx context.Context, coll *mongo.Collection, id string, set domain.Settings) error {
	_, err := coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, bson.D{{Key: "$set", Value: settingsSet(set)}}, options.UpdateOne().SetUpsert(true))
	if err != nil {
		return fmt.Errorf("store settings in %s: %w", coll.Name(), err)
	}
	return nil
}

// UserSettings returns what userID chose; nothing chosen is the zero
// Settings.
func (s *Store) UserSettings(ctx context.Context, userID string) (domain.Settings, error) {
	d, err := s.loadSettings(ctx, s.preferences, userID)
	return toDomainSettings(d), err
}

// PutUserSettings replaces userID's choices.
func (s *Store) PutUserSettings(ctx context.Context, userID string, set domain.Settings) error {
	return s.putSettings(ctx, s.preferences, userID, set)
}

// OrgSettings returns an organisation's defaults.
func (s *Store) OrgSettings(ctx context.Context, orgID string) (domain.Settings, error) {
	if orgID == "" {
		return domain.Settings{}, nil
	}
	d, err := s.loadSettings(ctx, s.orgDefaults, orgID)
	return toDomainSettings(d), err
}

// PutOrgSettings replaces an organisation's defaults.
func (s *Store) PutOrgSettings(ctx context.Context, orgID string, set domain.Settings) error {
	return s.putSettings(ctx, s.orgDefaults, orgID, set)
}

// DigestDay returns the local day of userID's last digest, "" if none.
func (s *Store) DigestDay(ctx context.Context, userID string) (string, error) {
	d, err := s.loadSettings(ctx, s.preferences, userID)
	return d.DigestDay, err
}

// SetDigestDay records the local day of userID's last digest.
func (s *Store) SetDigestDay(ctx context.Context, userID, day string) error {
	_, err := s.preferences.UpdateOne(ctx, bson.D{{Key: "_id", Value: userID}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "digest_day", Value: day}}}}, options.UpdateOne().SetUpsert(true))
	if err != nil {
		return fmt.Errorf("store digest day: %w", err)
	}
	return nil
}
