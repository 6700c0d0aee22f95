package mongo

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// programmeDoc is a programme as stored.
type programmeDoc struct {
	ID        string           `bson:"_id"`
	OrgID     string           `bson:"org_id"`
	Version   int64            `bson:"version"`
	CreatedAt time.Time        `bson:"created_at"`
	UpdatedAt time.Time        `bson:"updated_at"`
	Spec      programmeSpecDoc `bson:"spec"`
}

type programmeSpecDoc struct {
	Name        string   `bson:"name"`
	Kind        string   `bson:"kind"`
	Site        placeDoc `bson:"site"`
	Skills      []string `bson:"skills,omitempty"`
	Supervisors []string `bson:"supervisors,omitempty"`
}

func toProgrammeDoc(p domain.Programme) programmeDoc {
	return programmeDoc{
		ID: p.ID, OrgID: p.OrgID, Version: p.Version, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt,
		Spec: programmeSpecDoc{Name: p.Spec.Name, Kind: p.Spec.Kind, Site: toPlaceDoc(p.Spec.Site), Skills: p.Spec.Skills, Supervisors: p.Spec.Supervisors},
	}
}

func toDomainProgramme(d programmeDoc) domain.Programme {
	return domain.Programme{
		ID: d.ID, OrgID: d.OrgID, Version: d.Version, CreatedAt: d.CreatedAt.UTC(), UpdatedAt: d.UpdatedAt.UTC(),
		Spec: domain.ProgrammeSpec{Name: d.Spec.Name, Kind: d.Spec.Kind, Site: toDomainPlace(d.Spec.Site), Skills: d.Spec.Skills, Supervisors: d.Spec.Supervisors},
	}
}

// InsertProgramme stores a new programme; an id in use is errs.Conflict.
func (s *Store) InsertProgramme(ctx context.Context, p domain.Programme) error {
	if _, err := s.programmes.InsertOne(ctx, toProgrammeDoc(p)); err != nil {
		if mongox.IsDuplicateKey(err) {
			return fmt.Errorf("programme %s exists: %w", p.ID, errs.Conflict)
		}
		return fmt.Errorf("insert programme %s: %w", p.ID, err)
	}
	return nil
}

// Programme returns a programme by id.
func (s *Store) Programme(ctx context.Context, id string) (domain.Programme, error) {
	var d programmeDoc
	if err := s.programmes.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d); err != nil {
		return domain.Programme{}, mongox.NotFoundAs(err, "programme %s", id)
	}
	return toDomainProgramme(d), nil
}

// ListProgrammes returns a page of one organisation's programmes, or of
// every programme when orgID is empty, in id order.
func (s *Store) ListProgrammes(ctx context.Context, orgID string, page mongox.PageRequest) ([]domain.Programme, string, error) {
	filter := bson.D{}
	if orgID != "" {
		filter = bson.D{{Key: "org_id", Value: orgID}}
	}
	docs, next, err := mongox.FindPage(ctx, s.programmes, filter, page, func(d programmeDoc) string { return d.ID })
	if err != nil {
		return nil, "", err
	}
	out := make([]domain.Programme, len(docs))
	for i, d := range docs {
		out[i] = toDomainProgramme(d)
	}
	return out, next, nil
}
