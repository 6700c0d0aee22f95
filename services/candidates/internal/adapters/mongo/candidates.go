package mongo

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// InsertCandidate stores a new candidate with its pending event and audit
// entry, then moves the entry to the audit log.
func (s *Store) InsertCandidate(ctx context.Context, c domain.Candidate, ch service.Change) error {
	event, entry, err := encodeChange(ch)
	if err != nil {
		return err
	}
	doc := s.toCandidateDoc(c)
	doc.PendingEvents, doc.PendingAudit = []string{event}, []string{entry}
	if _, err := s.candidates.InsertOne(ctx, doc); err != nil {
		if mongox.IsDuplicateKey(err) {
			return s.whichDuplicate(ctx, c)
		}
		return fmt.Errorf("insert candidate %s: %w", c.ID, err)
	}
	s.settleAudit(ctx, s.candidates, c.ID, entry)
	return nil
}

// whichDuplicate tells a taken alias, which the caller retries with
// another, from a candidate id that exists already: the only two unique
// keys a new candidate can clash on. It asks by _id, which every server
// finds through an index; a count by alias makes FerretDB v1 decode every
// candidate (9 s at 15,000), and one registration in thirty draws a taken
// alias by then.
func (s *Store) whichDuplicate(ctx context.Context, c domain.Candidate) error {
	err := s.candidates.FindOne(ctx, bson.D{{Key: "_id", Value: c.ID}}, options.FindOne().SetProjection(bson.D{{Key: "_id", Value: 1}})).Err()
	switch {
	case errors.Is(err, mongo.ErrNoDocuments):
		return fmt.Errorf("insert candidate %s: %w", c.ID, service.ErrAliasTaken)
	case err != nil:
		return fmt.Errorf("look up candidate %s: %w", c.ID, err)
	}
	return fmt.Errorf("candidate %s exists: %w", c.ID, errs.Conflict)
}

// UpdateCandidate replaces the candidate if it is still at version prev,
// keeps the events and audit entries still pending in it and adds the
// change's, then moves the new audit entry to the audit log.
func (s *Store) UpdateCandidate(ctx context.Context, c domain.Candidate, prev int64, ch service.Change) error {
	event, entry, err := encodeChange(ch)
	if err != nil {
		return err
	}
	if err := s.replaceCandidate(ctx, c, prev, event, entry); err != nil {
		return err
	}
	s.settleAudit(ctx, s.candidates, c.ID, entry)
	return nil
}

// replaceCandidate is the locked part of UpdateCandidate. The lock makes
// the read of the pending lists and the replace one step on FerretDB too.
func (s *Store) replaceCandidate(ctx context.Context, c domain.Candidate, prev int64, event, entry string) error {
	unlock, err := s.lock(ctx, s.candidates, c.ID)
	if err != nil {
		return err
	}
	defer unlock()
	var cur struct {
		Version       int64    `bson:"version"`
		PendingEvents []string `bson:"pending_events"`
		PendingAudit  []string `bson:"pending_audit"`
	}
	err = s.candidates.FindOne(ctx, bson.D{{Key: "_id", Value: c.ID}},
		options.FindOne().SetProjection(bson.D{{Key: "version", Value: 1}, {Key: "pending_events", Value: 1}, {Key: "pending_audit", Value: 1}})).Decode(&cur)
	if err != nil {
		return mongox.NotFoundAs(err, "candidate %s", c.ID)
	}
	if cur.Version != prev {
		return fmt.Errorf("candidate %s changed since version %d; reload it: %w", c.ID, prev, errs.Conflict)
	}
	doc := s.toCandidateDoc(c)
	doc.PendingEvents = append(cur.PendingEvents, event)
	doc.PendingAudit = append(cur.PendingAudit, entry)
	res, err := s.candidates.ReplaceOne(ctx, s.server.VersionedFilter(c.ID, prev), doc)
	if err != nil {
		return fmt.Errorf("replace candidate %s: %w", c.ID, err)
	}
	if res.MatchedCount != 1 {
		return fmt.Errorf("candidate %s changed since version %d; reload it: %w", c.ID, prev, errs.Conflict)
	}
	return nil
}

// Candidate returns a candidate by id.
func (s *Store) Candidate(ctx context.Context, id string) (domain.Candidate, error) {
	return s.findCandidate(ctx, bson.D{{Key: "_id", Value: id}}, "candidate %s", id)
}

// CandidateByAttestation returns the candidate holding an attestation.
func (s *Store) CandidateByAttestation(ctx context.Context, attestationID string) (domain.Candidate, error) {
	return s.findCandidate(ctx, bson.D{{Key: "attestation_ids", Value: attestationID}}, "candidate with attestation %s", attestationID)
}

func (s *Store) findCandidate(ctx context.Context, filter bson.D, format string, arg string) (domain.Candidate, error) {
	var d candidateDoc
	if err := s.candidates.FindOne(ctx, filter).Decode(&d); err != nil {
		return domain.Candidate{}, mongox.NotFoundAs(err, format, arg)
	}
	return s.toDomainCandidate(d)
}

// ListCandidates returns a page of one organisation's candidates matching
// f, in id order.
func (s *Store) ListCandidates(ctx context.Context, f domain.Filter, page mongox.PageRequest) ([]domain.Candidate, string, error) {
	if f.OrgID == "" {
		return nil, "", errors.New("list candidates: the filter names no organisation")
	}
	docs, next, err := mongox.FindPage(ctx, s.candidates, s.candidateFilter(f), page, func(d candidateDoc) string { return d.ID })
	if err != nil {
		return nil, "", err
	}
	out := make([]domain.Candidate, len(docs))
	for i, d := range docs {
		if out[i], err = s.toDomainCandidate(d); err != nil {
			return nil, "", err
		}
	}
	return out, next, nil
}

// candidateFilter always scopes to the organisation. A query matches
// candidates whose names hold a word starting with each query word, or
// whose alias is the whole query.
func (s *Store) candidateFilter(f domain.Filter) bson.D {
	q := bson.D{{Key: "org_id", Value: f.OrgID}}
	if f.Setting != "" {
		q = append(q, bson.E{Key: "setting", Value: string(f.Setting)})
	}
	if f.ProgrammeID != "" {
		q = append(q, bson.E{Key: "programme_ids", Value: f.ProgrammeID})
	}
	if f.Query == "" {
		return q
	}
	alias := bson.D{{Key: "alias", Value: strings.ToUpper(strings.TrimSpace(f.Query))}}
	hashes := s.queryHashes(f.Query)
	if len(hashes) == 0 {
		return append(q, alias...)
	}
	names := bson.A{}
	for _, h := range hashes {
		names = append(names, bson.D{{Key: "name_index", Value: h}})
	}
	return append(q, bson.E{Key: "$or", Value: bson.A{bson.D{{Key: "$and", Value: names}}, alias}})
}
