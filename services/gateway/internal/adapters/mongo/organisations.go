package mongo

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/pkg/textkey"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// Organisations stores organisations. locks serialises status changes,
// which are conditional on the version.
type Organisations struct {
	coll  *mongo.Collection
	locks Locker
}

// organisationDoc keeps beside the name its search key (textkey: lower
// case, accents and punctuation folded), which a name search matches.
type organisationDoc struct {
	ID            string    `bson:"_id"`
	Name          string    `bson:"name"`
	NameKey       string    `bson:"name_key"`
	Kind          string    `bson:"kind"`
	ProgrammeType string    `bson:"programme_type,omitempty"`
	CreatedAt     time.Time `bson:"created_at"`
	// Status is missing in documents stored before vetting; the start-up
	// migration sets it.
	Status       string           `bson:"status,omitempty"`
	Version      int64            `bson:"version,omitempty"`
	Verification *verificationDoc `bson:"verification,omitempty"`
	Suspension   *suspensionDoc   `bson:"suspension,omitempty"`
	// PendingEvents is the outbox: events stored with a status change
	// until they are published.
	PendingEvents []string `bson:"pending_events,omitempty"`
}

func toOrganisationDoc(o domain.Organisation) organisationDoc {
	return organisationDoc{ID: o.ID, Name: o.Name, NameKey: textkey.Of(o.Name), Kind: string(o.Kind), ProgrammeType: string(o.ProgrammeType), CreatedAt: o.CreatedAt,
		Status: string(o.Status), Version: o.Version, Verification: toVerificationDoc(o.Verification), Suspension: toSuspensionDoc(o.Suspension)}
}

func toDomainOrganisation(d organisationDoc) domain.Organisation {
	return domain.Organisation{ID: d.ID, Name: d.Name, Kind: domain.OrgKind(d.Kind), ProgrammeType: domain.ProgrammeType(d.ProgrammeType), CreatedAt: d.CreatedAt.UTC(),
		Status: domain.OrgStatus(d.Status), Version: d.Version, Verification: toDomainVerification(d.Verification), Suspension: toDomainSuspension(d.Suspension)}
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

// List returns one page of the organisations matching f, oldest first
// (ids are time-ordered), by keyset on _id. The query matches any part of
// the name's search key, so "cafe de" finds "Café De Hoek". Organisations
// are few, so a substring match, which no index serves, is affordable.
func (r *Organisations) List(ctx context.Context, f domain.OrganisationFilter, page mongox.PageRequest) ([]domain.Organisation, string, error) {
	filter := bson.D{}
	if f.Kind != "" {
		filter = append(filter, bson.E{Key: "kind", Value: string(f.Kind)})
	}
	if f.Status != "" {
		filter = append(filter, bson.E{Key: "status", Value: string(f.Status)})
	}
	if key := textkey.Of(f.Query); key != "" {
		filter = append(filter, bson.E{Key: "name_key", Value: bson.D{{Key: "$regex", Value: regexp.QuoteMeta(key)}}})
	}
	docs, next, err := mongox.FindPage(ctx, r.coll, filter, page, func(d organisationDoc) string { return d.ID })
	if err != nil {
		return nil, "", err
	}
	out := make([]domain.Organisation, 0, len(docs))
	for _, d := range docs {
		out = append(out, toDomainOrganisation(d))
	}
	return out, next, nil
}

// backfillNameKeys gives the organisations stored before name search
// their search key, once, at start.
func (r *Organisations) backfillNameKeys(ctx context.Context) error {
	return mongox.Each(ctx, r.coll, bson.D{{Key: "name_key", Value: bson.D{{Key: "$exists", Value: false}}}}, options.Find(), 100, func(d organisationDoc) error {
		update := bson.D{{Key: "$set", Value: bson.D{{Key: "name_key", Value: textkey.Of(d.Name)}}}}
		if _, err := r.coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: d.ID}}, update); err != nil {
			return fmt.Errorf("backfill organisation name key: %w", err)
		}
		return nil
	})
}
