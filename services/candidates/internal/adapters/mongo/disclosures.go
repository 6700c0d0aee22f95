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
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// disclosureDoc is a disclosure grant as stored: ids, field names and who
// recorded it, with the events and audit entries of its last write still
// pending (the same outbox as candidates'). It holds no value of the
// candidate's identity.
type disclosureDoc struct {
	ID                 string    `bson:"_id"`
	IntroductionID     string    `bson:"introduction_id"`
	CandidateID        string    `bson:"candidate_id"`
	CandidateOrgID     string    `bson:"candidate_org_id"`
	EmployerOrgID      string    `bson:"employer_org_id"`
	RoleID             string    `bson:"role_id"`
	Fields             []string  `bson:"fields"`
	Contact            string    `bson:"contact"`
	ConsentTextVersion string    `bson:"consent_text_version"`
	RecordedBy         string    `bson:"recorded_by"`
	GrantedAt          time.Time `bson:"granted_at"`
	Status             string    `bson:"status"`
	Version            int64     `bson:"version"`
	WithdrawnAt        time.Time `bson:"withdrawn_at,omitempty"`
	WithdrawnBy        string    `bson:"withdrawn_by,omitempty"`
	PendingEvents      []string  `bson:"pending_events,omitempty"`
	PendingAudit       []string  `bson:"pending_audit,omitempty"`
}

func toDisclosureDoc(d domain.Disclosure) disclosureDoc {
	fields := make([]string, len(d.Fields))
	for i, f := range d.Fields {
		fields[i] = string(f)
	}
	return disclosureDoc{
		ID: d.ID, IntroductionID: d.IntroductionID, CandidateID: d.CandidateID, CandidateOrgID: d.CandidateOrgID,
		EmployerOrgID: d.EmployerOrgID, RoleID: d.RoleID, Fields: fields, Contact: string(d.Contact),
		ConsentTextVersion: d.ConsentTextVersion, RecordedBy: d.RecordedBy, GrantedAt: d.GrantedAt,
		Status: string(d.Status), Version: d.Version, WithdrawnAt: d.WithdrawnAt, WithdrawnBy: d.WithdrawnBy,
	}
}

func toDomainDisclosure(d disclosureDoc) domain.Disclosure {
	fields := make([]domain.DisclosureField, len(d.Fields))
	for i, f := range d.Fields {
		fields[i] = domain.DisclosureField(f)
	}
	out := domain.Disclosure{
		ID: d.ID, IntroductionID: d.IntroductionID, CandidateID: d.CandidateID, CandidateOrgID: d.CandidateOrgID,
		EmployerOrgID: d.EmployerOrgID, RoleID: d.RoleID, Fields: fields, Contact: domain.Contact(d.Contact),
		ConsentTextVersion: d.ConsentTextVersion, RecordedBy: d.RecordedBy, GrantedAt: d.GrantedAt.UTC(),
		Status: domain.DisclosureStatus(d.Status), Version: d.Version, WithdrawnBy: d.WithdrawnBy,
	}
	if !d.WithdrawnAt.IsZero() {
		out.WithdrawnAt = d.WithdrawnAt.UTC()
	}
	return out
}

// InsertDisclosure stores a new grant with its pending event and audit
// entry, then moves the entry to the audit log. The unique index on
// introduction_id makes two grants for one introduction impossible, even
// from two requests at once.
func (s *Store) InsertDisclosure(ctx context.Context, d domain.Disclosure, ch service.Change) error {
	event, entry, err := encodeChange(ch)
	if err != nil {
		return err
	}
	doc := toDisclosureDoc(d)
	doc.PendingEvents, doc.PendingAudit = []string{event}, []string{entry}
	if _, err := s.disclosures.InsertOne(ctx, doc); err != nil {
		if mongox.IsDuplicateKey(err) {
			return fmt.Errorf("disclosure for introduction %s: %w", d.IntroductionID, service.ErrDisclosureExists)
		}
		return fmt.Errorf("insert disclosure %s: %w", d.ID, err)
	}
	s.settleAudit(ctx, s.disclosures, d.ID, entry)
	return nil
}

// UpdateDisclosure replaces the grant if it is still at version prev,
// keeping what is still pending in it and adding the change's.
func (s *Store) UpdateDisclosure(ctx context.Context, d domain.Disclosure, prev int64, ch service.Change) error {
	event, entry, err := encodeChange(ch)
	if err != nil {
		return err
	}
	if err := s.replaceDisclosure(ctx, d, prev, event, entry); err != nil {
		return err
	}
	s.settleAudit(ctx, s.disclosures, d.ID, entry)
	return nil
}

func (s *Store) replaceDisclosure(ctx context.Context, d domain.Disclosure, prev int64, event, entry string) error {
	unlock, err := s.lock(ctx, s.disclosures, d.ID)
	if err != nil {
		return err
	}
	defer unlock()
	var cur struct {
		Version       int64    `bson:"version"`
		PendingEvents []string `bson:"pending_events"`
		PendingAudit  []string `bson:"pending_audit"`
	}
	err = s.disclosures.FindOne(ctx, bson.D{{Key: "_id", Value: d.ID}},
		options.FindOne().SetProjection(bson.D{{Key: "version", Value: 1}, {Key: "pending_events", Value: 1}, {Key: "pending_audit", Value: 1}})).Decode(&cur)
	if err != nil {
		return mongox.NotFoundAs(err, "disclosure %s", d.ID)
	}
	if cur.Version != prev {
		return fmt.Errorf("disclosure %s changed since version %d: %w", d.ID, prev, errs.Conflict)
	}
	doc := toDisclosureDoc(d)
	doc.PendingEvents = append(cur.PendingEvents, event)
	doc.PendingAudit = append(cur.PendingAudit, entry)
	res, err := s.disclosures.ReplaceOne(ctx, s.server.VersionedFilter(d.ID, prev), doc)
	if err != nil {
		return fmt.Errorf("replace disclosure %s: %w", d.ID, err)
	}
	if res.MatchedCount != 1 {
		return fmt.Errorf("disclosure %s changed since version %d: %w", d.ID, prev, errs.Conflict)
	}
	return nil
}

// Disclosure returns a grant by id.
func (s *Store) Disclosure(ctx context.Context, id string) (domain.Disclosure, error) {
	return s.findDisclosure(ctx, bson.D{{Key: "_id", Value: id}}, "disclosure %s", id)
}

// DisclosureByIntroduction returns the grant of an introduction.
func (s *Store) DisclosureByIntroduction(ctx context.Context, introductionID string) (domain.Disclosure, error) {
	return s.findDisclosure(ctx, bson.D{{Key: "introduction_id", Value: introductionID}}, "disclosure of introduction %s", introductionID)
}

func (s *Store) findDisclosure(ctx context.Context, filter bson.D, format, arg string) (domain.Disclosure, error) {
	var d disclosureDoc
	if err := s.disclosures.FindOne(ctx, filter).Decode(&d); err != nil {
		return domain.Disclosure{}, mongox.NotFoundAs(err, format, arg)
	}
	return toDomainDisclosure(d), nil
}

// maxCandidateDisclosures bounds the grants one listing reads; a
// candidate accepts a handful of introductions, not thousands.
const maxCandidateDisclosures = 1000

// CandidateDisclosures returns a candidate's grants, newest first.
func (s *Store) CandidateDisclosures(ctx context.Context, candidateID string) ([]domain.Disclosure, error) {
	cur, err := s.disclosures.Find(ctx, bson.D{{Key: "candidate_id", Value: candidateID}},
		options.Find().SetSort(bson.D{{Key: "granted_at", Value: -1}, {Key: "_id", Value: -1}}).SetLimit(maxCandidateDisclosures))
	if err != nil {
		return nil, fmt.Errorf("find disclosures of candidate %s: %w", candidateID, err)
	}
	var docs []disclosureDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("read disclosures of candidate %s: %w", candidateID, err)
	}
	out := make([]domain.Disclosure, len(docs))
	for i, d := range docs {
		out[i] = toDomainDisclosure(d)
	}
	return out, nil
}
