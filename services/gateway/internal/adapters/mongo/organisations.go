package mongo

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// Organisations stores organisations.
type Organisations struct{ coll *mongo.Collection }

type organisationDoc struct {
	ID            string    `bson:"_id"`
	Name          string    `bson:"name"`
	Kind          string    `bson:"kind"`
	ProgrammeType string    `bson:"programme_type,omitempty"`
	CreatedAt     time.Time `bson:"created_at"`
}

func toOrganisationDoc(o domain.Organisation) organisationDoc {
	return organisationDoc{ID: o.ID, Name: o.Name, Kind: string(o.Kind), ProgrammeType: string(o.ProgrammeType), CreatedAt: o.CreatedAt}
}

func toDomainOrganisation(d organisationDoc) domain.Organisation {
	return domain.Organisation{ID: d.ID, Name: d.Name, Kind: domain.OrgKind(d.Kind), ProgrammeType: domain.ProgrammeType(d.ProgrammeType), CreatedAt: d.CreatedAt.UTC()}
}

// Create inserts an organisation.
func (r *Organisations) Create(ctx context.Context, o domain.Organisation) error {
	if _, err := r.coll.InsertOne(ctx, toOrganisationDoc(o)); err != nil {
		return fmt.Errorf("insert organisation: %w", err)
	}
	return nil
}

// ByID loads an organisation.
func (r *Organisations) ByID(ctx context.Context, id string) (domain.Organisation, error) {
	var d organisationDoc
	if err := r.coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d); err != nil {
		return domain.Organisation{}, mongox.NotFoundAs(err, "organisation %s", id)
	}
	return toDomainOrganisation(d), nil
}

// Delete removes an organisation; it undoes a sign-up that failed halfway.
func (r *Organisations) Delete(ctx context.Context, id string) error {
	if _, err := r.coll.DeleteOne(ctx, bson.D{{Key: "_id", Value: id}}); err != nil {
		return fmt.Errorf("delete organisation: %w", err)
	}
	return nil
}
