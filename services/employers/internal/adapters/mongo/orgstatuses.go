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
	Version   int64     `bson:"version"`
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

// SaveOrgStatus records orgID's standing unless the one kept has the same
// version or a higher one. The replacement matches only an older
// version; with none kept it inserts, and when a newer one is kept the
// insert is refused as a duplicate key, which means there is nothing to
// do. Two first saves of one organisation (the event and a role opening
// that asked the gateway) can meet the same way on FerretDB, which
// applies an upsert in two steps; the loser tries once more.
func (s *OrgStatuses) SaveOrgStatus(ctx context.Context, orgID string, st domain.OrgStanding) error {
	filter := bson.D{{Key: "_id", Value: orgID}, {Key: "version", Value: bson.D{{Key: "$lt", Value: st.Version}}}}
	doc := orgStatusDoc{ID: orgID, Status: string(st.Status), Version: st.Version, UpdatedAt: time.Now().UTC()}
	for attempt := 0; attempt < 2; attempt++ {
		_, err := s.coll.ReplaceOne(ctx, filter, doc, options.Replace().SetUpsert(true))
		if err == nil {
			return nil
		}
		if !mongo.IsDuplicateKeyError(err) {
			return fmt.Errorf("save organisation status: %w", err)
		}
	}
	return nil
}
