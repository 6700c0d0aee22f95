package mongo

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// Shares keeps which programme organisation shares its reports with which
// observer organisation, one document per pair in the collection
// "shares", its _id "organisation|observer" so that the check made on
// every observer's report reads one document by _id. It implements
// service.ShareStore and is safe for concurrent use.
type Shares struct {
	coll *mongo.Collection
}

// NewShares returns the shares kept in db.
func NewShares(db *mongo.Database) *Shares {
	return &Shares{coll: db.Collection("shares")}
}

// shareDoc is a share as stored: organisations' ids and names, the
// granting admin's user id and the time, nothing of a person.
type shareDoc struct {
	ID               string    `bson:"_id"`
	OrganisationID   string    `bson:"organisation_id"`
	OrganisationName string    `bson:"organisation_name"`
	ObserverID       string    `bson:"observer_id"`
	ObserverName     string    `bson:"observer_name"`
	GrantedBy        string    `bson:"granted_by"`
	GrantedAt        time.Time `bson:"granted_at"`
}

var idEscaper = strings.NewReplacer("%", "%25", "|", "%7C")

// shareID is a share's _id; a "|" or "%" in an id is escaped so that two
// pairs never share one.
func shareID(organisationID, observerID string) string {
	return idEscaper.Replace(organisationID) + "|" + idEscaper.Replace(observerID)
}

func toShareDoc(s service.Share) shareDoc {
	return shareDoc{ID: shareID(s.OrganisationID, s.ObserverID), OrganisationID: s.OrganisationID,
		OrganisationName: s.OrganisationName, ObserverID: s.ObserverID, ObserverName: s.ObserverName,
		GrantedBy: s.GrantedBy, GrantedAt: s.GrantedAt.UTC()}
}

func toShare(d shareDoc) service.Share {
	return service.Share{OrganisationID: d.OrganisationID, OrganisationName: d.OrganisationName,
		ObserverID: d.ObserverID, ObserverName: d.ObserverName, GrantedBy: d.GrantedBy, GrantedAt: d.GrantedAt.UTC()}
}

// PutShare stores s unless the pair is shared already, and returns the
// stored share: the first grant stands, with its time and admin.
func (st *Shares) PutShare(ctx context.Context, s service.Share) (service.Share, error) {
	_, err := st.coll.InsertOne(ctx, toShareDoc(s))
	if mongox.IsDuplicateKey(err) {
		return st.Share(ctx, s.OrganisationID, s.ObserverID)
	}
	if err != nil {
		return service.Share{}, fmt.Errorf("store the share of %s with %s: %w", s.OrganisationID, s.ObserverID, err)
	}
	return toShare(toShareDoc(s)), nil
}

// Share returns one share, or errs.NotFound.
func (st *Shares) Share(ctx context.Context, organisationID, observerID string) (service.Share, error) {
	var d shareDoc
	err := st.coll.FindOne(ctx, bson.D{{Key: "_id", Value: shareID(organisationID, observerID)}}).Decode(&d)
	if err != nil {
		return service.Share{}, mongox.NotFoundAs(err, "share of %s with %s", organisationID, observerID)
	}
	return toShare(d), nil
}

// DeleteShare removes one share, or returns errs.NotFound.
func (st *Shares) DeleteShare(ctx context.Context, organisationID, observerID string) error {
	res, err := st.coll.DeleteOne(ctx, bson.D{{Key: "_id", Value: shareID(organisationID, observerID)}})
	if err != nil {
		return fmt.Errorf("delete the share of %s with %s: %w", organisationID, observerID, err)
	}
	if res.DeletedCount == 0 {
		return fmt.Errorf("share of %s with %s: %w", organisationID, observerID, errs.NotFound)
	}
	return nil
}

// ListShares returns the shares f selects, newest first. There are a few
// per organisation, so a listing reads the collection whole.
func (st *Shares) ListShares(ctx context.Context, f service.ShareFilter) ([]service.Share, error) {
	filter := bson.D{}
	if f.OrganisationID != "" {
		filter = append(filter, bson.E{Key: "organisation_id", Value: f.OrganisationID})
	}
	if f.ObserverID != "" {
		filter = append(filter, bson.E{Key: "observer_id", Value: f.ObserverID})
	}
	cur, err := st.coll.Find(ctx, filter)
	if err != nil {
		return nil, fmt.Errorf("list shares: %w", err)
	}
	var docs []shareDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("list shares: %w", err)
	}
	out := make([]service.Share, 0, len(docs))
	for _, d := range docs {
		out = append(out, toShare(d))
	}
	slices.SortFunc(out, func(a, b service.Share) int {
		return cmp.Or(b.GrantedAt.Compare(a.GrantedAt), cmp.Compare(a.OrganisationID, b.OrganisationID), cmp.Compare(a.ObserverID, b.ObserverID))
	})
	return out, nil
}
