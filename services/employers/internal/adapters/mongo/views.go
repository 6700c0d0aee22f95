package mongo

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
	"github.com/onward-jobs/onward/services/employers/internal/service"
)

// RoleViews returns a page of every role in id order, whatever its status,
// up to service.MaxViewsPageSize at a time, for a service that loads all
// roles at once. The pending outbox list is not read.
func (s *Store) RoleViews(ctx context.Context, page mongox.PageRequest) ([]domain.Role, string, error) {
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
	cur, err := s.roles.Find(ctx, filter, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}).
		SetProjection(bson.D{{Key: "pending_events", Value: 0}}).SetLimit(int64(limit+1)))
	if err != nil {
		return nil, "", fmt.Errorf("find role views: %w", err)
	}
	var docs []roleDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, "", fmt.Errorf("read role views: %w", err)
	}
	next := ""
	if len(docs) > limit {
		docs = docs[:limit]
		next = mongox.EncodeCursor(docs[limit-1].ID)
	}
	out := make([]domain.Role, len(docs))
	for i, d := range docs {
		out[i] = toDomainRole(d)
	}
	return out, next, nil
}
