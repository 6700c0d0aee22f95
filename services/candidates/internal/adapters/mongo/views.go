package mongo

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// viewProjection leaves out everything a matching view does not hold: the
// sealed identity, the blind name index and the pending outbox lists. The
// identity is never read, so a bulk load neither decrypts nor moves it.
// The identity key's id stays: an approved statement, sealed under it, is
// opened for the view (and only an approved one).
var viewProjection = bson.D{
	{Key: "identity", Value: 0}, {Key: "name_index", Value: 0},
	{Key: "pending_events", Value: 0}, {Key: "pending_audit", Value: 0},
}

// CandidateViews returns a page of every candidate's matching view in id
// order, up to service.MaxViewsPageSize at a time, for a service that
// loads all candidates at once.
func (s *Store) CandidateViews(ctx context.Context, page mongox.PageRequest) ([]domain.MatchingView, string, error) {
	filter := bson.D{}
	if page.Cursor != "" {
		after, err := mongox.DecodeCursor(page.Cursor)
		if err != nil {
			return nil, "", err
		}
		filter = bson.D{{Key: "_id", Value: bson.D{{Key: "$gt", Value: after}}}}
	}
	limit := page.Limit
	if limit <= 0 {
		limit = mongox.DefaultPageSize
	}
	limit = min(limit, service.MaxViewsPageSize)
	cur, err := s.candidates.Find(ctx, filter, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}).
		SetProjection(viewProjection).SetLimit(int64(limit+1)))
	if err != nil {
		return nil, "", fmt.Errorf("find candidate views: %w", err)
	}
	var docs []candidateDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, "", fmt.Errorf("read candidate views: %w", err)
	}
	next := ""
	if len(docs) > limit {
		docs = docs[:limit]
		next = mongox.EncodeCursor(docs[limit-1].ID)
	}
	out := make([]domain.MatchingView, len(docs))
	for i, d := range docs {
		if out[i], err = s.toMatchingView(d); err != nil {
			return nil, "", err
		}
	}
	return out, next, nil
}

// toMatchingView converts a stored candidate read without its identity,
// opening its statement only if it is approved.
func (s *Store) toMatchingView(d candidateDoc) (domain.MatchingView, error) {
	statement, err := s.approvedStatement(d.ID, d.IdentityKeyID, d.Statement)
	if err != nil {
		return domain.MatchingView{}, err
	}
	return domain.Candidate{
		ID: d.ID, OrgID: d.OrgID, Alias: d.Alias, Version: d.Version, CreatedAt: d.CreatedAt.UTC(),
		Profile:          toDomainProfile(d.Setting, d.Profile),
		ProgrammeRecords: toDomainProgrammeRecords(d.ID, d.ProgrammeRecords),
		Attestations:     toDomainAttestations(d.Attestations),
		Certificates:     toDomainCertificates(d.ID, d.Certificates),
		Consent:          toDomainConsent(d.Consent),
		Placement:        toDomainPlacement(d.Placement),
		Statement:        statement,
	}.MatchingView(), nil
}

// EachCandidateView calls fn with every candidate's matching view, in no
// particular order, from one pass over the collection. A Mongo-wire server
// without indexes behind range queries (FerretDB v1) decodes the whole
// collection for every page of CandidateViews; one pass costs that once.
func (s *Store) EachCandidateView(ctx context.Context, fn func(domain.MatchingView) error) error {
	return mongox.Each(ctx, s.candidates, bson.D{}, options.Find().SetProjection(viewProjection), streamBatchSize,
		func(d candidateDoc) error {
			v, err := s.toMatchingView(d)
			if err != nil {
				return err
			}
			return fn(v)
		})
}

// streamBatchSize is how many documents each round trip of a one-pass
// read brings.
const streamBatchSize = 500
