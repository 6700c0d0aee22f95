package mongo

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// shortlistedDoc is a candidate's first shortlisting
// (results.Shortlisting), one small document per candidate in the
// collection "shortlisted": ids and a time only. It is deleted when the
// candidate is erased.
type shortlistedDoc struct {
	CandidateID string    `bson:"_id"`
	FirstAt     time.Time `bson:"first_at"`
	FirstRoleID string    `bson:"first_role_id"`
}

var _ results.ShortlistingStore = (*Store)(nil)

func toShortlistedDoc(s results.Shortlisting) shortlistedDoc {
	return shortlistedDoc{CandidateID: s.CandidateID, FirstAt: s.FirstAt.UTC(), FirstRoleID: s.FirstRoleID}
}

func toShortlisting(d shortlistedDoc) results.Shortlisting {
	return results.Shortlisting{CandidateID: d.CandidateID, FirstAt: d.FirstAt.UTC(), FirstRoleID: d.FirstRoleID}
}

// RecordShortlisting inserts the candidate's first shortlisting unless it
// has one: the candidate id is the document's _id, so of two instances
// racing one inserts and the other meets the duplicate key, which is no
// error and leaves the first time as it was.
func (s *Store) RecordShortlisting(ctx context.Context, sh results.Shortlisting) (bool, error) {
	_, err := s.shortlisted.InsertOne(ctx, toShortlistedDoc(sh))
	switch {
	case err == nil:
		return true, nil
	case mongox.IsDuplicateKey(err):
		return false, nil
	default:
		return false, fmt.Errorf("insert shortlisted %s: %w", sh.CandidateID, err)
	}
}

// ShortlistedIDs returns every candidate with a first shortlisting.
func (s *Store) ShortlistedIDs(ctx context.Context) ([]string, error) {
	cur, err := s.shortlisted.Find(ctx, bson.D{}, options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}}))
	if err != nil {
		return nil, fmt.Errorf("list shortlisted: %w", err)
	}
	defer func() { _ = cur.Close(ctx) }()
	var ids []string
	for cur.Next(ctx) {
		id, ok := cur.Current.Lookup("_id").StringValueOK()
		if ok {
			ids = append(ids, id)
		}
	}
	if err := cur.Err(); err != nil {
		return nil, fmt.Errorf("list shortlisted: %w", err)
	}
	return ids, nil
}

// ForgetShortlisting deletes the candidate's record, if any.
func (s *Store) ForgetShortlisting(ctx context.Context, candidateID string) error {
	return remove(ctx, s.shortlisted, candidateID)
}

// Shortlisting returns the candidate's first shortlisting, or
// errs.NotFound when the candidate was never shortlisted (or is erased).
func (s *Store) Shortlisting(ctx context.Context, candidateID string) (results.Shortlisting, error) {
	var d shortlistedDoc
	err := s.shortlisted.FindOne(ctx, bson.D{{Key: "_id", Value: candidateID}}).Decode(&d)
	if err != nil {
		return results.Shortlisting{}, mongox.NotFoundAs(err, "shortlisting of candidate %s", candidateID)
	}
	return toShortlisting(d), nil
}

// EachShortlisting calls fn with every first shortlisting, in no
// particular order, from one pass over the collection, and stops at fn's
// first error.
func (s *Store) EachShortlisting(ctx context.Context, fn func(results.Shortlisting) error) error {
	cur, err := s.shortlisted.Find(ctx, bson.D{})
	if err != nil {
		return fmt.Errorf("list shortlisted: %w", err)
	}
	defer func() { _ = cur.Close(ctx) }()
	for cur.Next(ctx) {
		var d shortlistedDoc
		if err := cur.Decode(&d); err != nil {
			return fmt.Errorf("decode shortlisted: %w", err)
		}
		if err := fn(toShortlisting(d)); err != nil {
			return err
		}
	}
	if err := cur.Err(); err != nil {
		return fmt.Errorf("list shortlisted: %w", err)
	}
	return nil
}
