package mongo

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// auditDoc is an audit entry as stored. Its _id is the entry's UUIDv7, so
// _id order is time order and inserting an entry twice is detectable.
type auditDoc struct {
	ID          string    `bson:"_id"`
	OrgID       string    `bson:"org_id"`
	CandidateID string    `bson:"candidate_id"`
	Actor       string    `bson:"actor"`
	ActorOrg    string    `bson:"actor_org"`
	ByCandidate bool      `bson:"by_candidate,omitempty"`
	At          time.Time `bson:"at"`
	Action      string    `bson:"action"`
	Purpose     string    `bson:"purpose"`
	Fields      []string  `bson:"fields,omitempty"`
	Subject     string    `bson:"subject,omitempty"`
}

func toAuditDoc(e domain.AuditEntry) auditDoc {
	return auditDoc{
		ID: e.ID, OrgID: e.OrgID, CandidateID: e.CandidateID, Actor: e.Actor, ActorOrg: e.ActorOrg, ByCandidate: e.ByCandidate, At: e.At,
		Action: string(e.Action), Purpose: string(e.Purpose), Fields: e.Fields, Subject: e.Subject,
	}
}

func toDomainAuditEntry(d auditDoc) domain.AuditEntry {
	return domain.AuditEntry{
		ID: d.ID, OrgID: d.OrgID, CandidateID: d.CandidateID, Actor: d.Actor, ActorOrg: d.ActorOrg, ByCandidate: d.ByCandidate, At: d.At.UTC(),
		Action: domain.AuditAction(d.Action), Purpose: domain.Purpose(d.Purpose), Fields: d.Fields, Subject: d.Subject,
	}
}

// AppendAudit records an entry. Recording one that is already there
// succeeds, so the relay and the writer may both move a pending entry.
func (s *Store) AppendAudit(ctx context.Context, e domain.AuditEntry) error {
	return s.insertAudit(ctx, toAuditDoc(e))
}

func (s *Store) insertAudit(ctx context.Context, d auditDoc) error {
	if _, err := s.audit.InsertOne(ctx, d); err != nil && !mongox.IsDuplicateKey(err) {
		return fmt.Errorf("append audit entry %s: %w", d.ID, err)
	}
	return nil
}

// CandidateAudit returns a page of the entries about one candidate, oldest
// first.
func (s *Store) CandidateAudit(ctx context.Context, candidateID string, page mongox.PageRequest) ([]domain.AuditEntry, string, error) {
	docs, next, err := mongox.FindPage(ctx, s.audit, bson.D{{Key: "candidate_id", Value: candidateID}}, page, func(d auditDoc) string { return d.ID })
	if err != nil {
		return nil, "", err
	}
	out := make([]domain.AuditEntry, len(docs))
	for i, d := range docs {
		out[i] = toDomainAuditEntry(d)
	}
	return out, next, nil
}

// settleAudit moves a change's audit entry from the changed document (a
// candidate's or a programme's) to the audit log. The write it records has
// succeeded, so a failure here is not the caller's: the entry stays
// pending and the relay moves it (PendingEvents).
func (s *Store) settleAudit(ctx context.Context, coll *mongo.Collection, docID, raw string) {
	_ = s.moveAudit(context.WithoutCancel(ctx), coll, docID, raw)
}

// moveAudit inserts a pending entry into the audit log, then pulls it from
// the document of coll that holds it. Either step may be repeated
// harmlessly.
func (s *Store) moveAudit(ctx context.Context, coll *mongo.Collection, docID, raw string) error {
	var d auditDoc
	if err := bson.UnmarshalExtJSON([]byte(raw), true, &d); err != nil {
		return fmt.Errorf("pending audit entry of %s %s: %w", coll.Name(), docID, err)
	}
	if err := s.insertAudit(ctx, d); err != nil {
		return err
	}
	unlock, err := s.lock(ctx, coll, docID)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: docID}},
		bson.D{{Key: "$pull", Value: bson.D{{Key: "pending_audit", Value: raw}}}})
	if err != nil {
		return fmt.Errorf("clear audit entry %s from %s %s: %w", d.ID, coll.Name(), docID, err)
	}
	return nil
}

// encodeChange renders a change's event and audit entry as the exact text
// stored in pending_events and pending_audit.
func encodeChange(ch service.Change) (event, entry string, err error) {
	if event, err = encodeEvent(ch.Event); err != nil {
		return "", "", err
	}
	if ch.Audit.ID == "" {
		return "", "", fmt.Errorf("change of %s carries no audit entry", ch.Event.AggregateID)
	}
	entry, err = encodeAudit(ch.Audit)
	return event, entry, err
}

// encodeAudit renders an audit entry as the exact text stored in
// pending_audit.
func encodeAudit(e domain.AuditEntry) (string, error) {
	b, err := bson.MarshalExtJSON(toAuditDoc(e), true, false)
	if err != nil {
		return "", fmt.Errorf("encode audit entry %s: %w", e.ID, err)
	}
	return string(b), nil
}
