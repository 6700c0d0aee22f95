package mongo

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// CandidateVersions returns a page of every candidate's id and version.
// It pages like mongox.FindPage but projects the two fields, so a full
// resynchronisation never reads (or decrypts) a whole record.
func (s *Store) CandidateVersions(ctx context.Context, page mongox.PageRequest) ([]service.Version, string, error) {
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
	limit = min(limit, mongox.MaxPageSize)
	cur, err := s.candidates.Find(ctx, filter, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}).
		SetProjection(bson.D{{Key: "_id", Value: 1}, {Key: "version", Value: 1}}).SetLimit(int64(limit+1)))
	if err != nil {
		return nil, "", fmt.Errorf("find candidate versions: %w", err)
	}
	var docs []struct {
		ID      string `bson:"_id"`
		Version int64  `bson:"version"`
	}
	if err := cur.All(ctx, &docs); err != nil {
		return nil, "", fmt.Errorf("read candidate versions: %w", err)
	}
	next := ""
	if len(docs) > limit {
		docs = docs[:limit]
		next = mongox.EncodeCursor(docs[limit-1].ID)
	}
	out := make([]service.Version, len(docs))
	for i, d := range docs {
		out[i] = service.Version{ID: d.ID, Version: d.Version}
	}
	return out, next, nil
}

// EachCandidateVersion calls fn with every candidate's id and version, in
// no particular order, from one pass over the collection (see
// EachCandidateView for why).
func (s *Store) EachCandidateVersion(ctx context.Context, fn func(service.Version) error) error {
	type idVersion struct {
		ID      string `bson:"_id"`
		Version int64  `bson:"version"`
	}
	return mongox.Each(ctx, s.candidates, bson.D{},
		options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}, {Key: "version", Value: 1}}), streamBatchSize,
		func(d idVersion) error { return fn(service.Version{ID: d.ID, Version: d.Version}) })
}
