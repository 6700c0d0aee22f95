package mongo

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

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
	// PendingAudit holds the audit entry of a change until it is in the
	// audit log, as a candidate's does.
	PendingAudit []string `bson:"pending_audit,omitempty"`
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

// UpdateProgramme replaces the programme if it is still at version prev,
// with entry pending in the same write, then moves entry to the audit log.
func (s *Store) UpdateProgramme(ctx context.Context, p domain.Programme, prev int64, entry domain.AuditEntry) error {
	raw, err := encodeAudit(entry)
	if err != nil {
		return err
	}
	if err := s.replaceProgramme(ctx, p, prev, raw); err != nil {
		return err
	}
	s.settleAudit(ctx, s.programmes, p.ID, raw)
	return nil
}

// replaceProgramme is the locked part of UpdateProgramme, as
// replaceCandidate is for candidates.
func (s *Store) replaceProgramme(ctx context.Context, p domain.Programme, prev int64, raw string) error {
	unlock, err := s.lock(ctx, s.programmes, p.ID)
	if err != nil {
		return err
	}
	defer unlock()
	var cur struct {
		Version      int64    `bson:"version"`
		PendingAudit []string `bson:"pending_audit"`
	}
	err = s.programmes.FindOne(ctx, bson.D{{Key: "_id", Value: p.ID}},
		options.FindOne().SetProjection(bson.D{{Key: "version", Value: 1}, {Key: "pending_audit", Value: 1}})).Decode(&cur)
	if err != nil {
		return mongox.NotFoundAs(err, "programme %s", p.ID)
	}
	if cur.Version != prev {
		return fmt.Errorf("programme %s changed since version %d; reload it: %w", p.ID, prev, errs.Conflict)
	}
	doc := toProgrammeDoc(p)
	doc.PendingAudit = append(cur.PendingAudit, raw)
	res, err := s.programmes.ReplaceOne(ctx, s.server.VersionedFilter(p.ID, prev), doc)
	if err != nil {
		return fmt.Errorf("replace programme %s: %w", p.ID, err)
	}
	if res.MatchedCount != 1 {
		return fmt.Errorf("programme %s changed since version %d; reload it: %w", p.ID, prev, errs.Conflict)
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
