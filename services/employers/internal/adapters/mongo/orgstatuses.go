package mongo

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
)

// OrgStatuses keeps the vetting statuses of employer organisations as
// the gateway last told them, one document per organisation.
type OrgStatuses struct{ coll *mongo.Collection }

// NewOrgStatuses returns the statuses kept in db.
func NewOrgStatuses(db *mongo.Database) *OrgStatuses {
	return &OrgStatuses{coll: db.Collection("organisation_statuses")}
}

type orgStatusDoc struct {
	ID        string    `bson:"_id"`
	Status    string    `bson:"status"`
	UpdatedAt time.Time `bson:"updated_at"`
}

// OrgStatus returns what is known of orgID's status, or errs.NotFound.
func (s *OrgStatuses) OrgStatus(ctx context.Context, orgID string) (domain.OrgStatus, error) {
	var d orgStatusDoc
	if err := s.coll.FindOne(ctx, bson.D{{Key: "_id", Value: orgID}}).Decode(&d); err != nil {
		return "", mongox.NotFoundAs(err, "organisation status %s", orgID)
	}
	return domain.OrgStatus(d.Status), nil
}

// SaveOrgStatus records orgID's status.
func (s *OrgStatuses) SaveOrgStatus(ctx context.Context, orgID string, status domain.OrgStatus) error {
	_, err := s.coll.ReplaceOne(ctx, bson.D{{Key: "_id", Value: orgID}},
		orgStatusDoc{ID: orgID, Status: string(status), UpdatedAt: time.Now().UTC()}, options.Replace().SetUpsert(true))
	if err != nil {
		return fmt.Errorf("save organisation status: %w", err)
	}
	return nil
}
