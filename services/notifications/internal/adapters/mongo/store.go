package mongo

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
)

// Store is the service's storage. It is safe for concurrent use.
type Store struct {
	inbox       *mongo.Collection
	heads       *mongo.Collection
	meta        *mongo.Collection
	deliveries  *mongo.Collection
	preferences *mongo.Collection
	orgDefaults *mongo.Collection
}

// NewStore returns a store on db and makes sure its indexes exist and every
// stored inbox item is listed in its user's head (buildHeads).
func NewStore(ctx context.Context, db *mongo.Database) (*Store, error) {
	s := &Store{
		inbox:       db.Collection("inbox"),
		heads:       db.Collection("inbox_heads"),
		meta:        db.Collection("meta"),
		deliveries:  db.Collection("deliveries"),
		preferences: db.Collection("preferences"),
		orgDefaults: db.Collection("org_defaults"),
	}
	unique := options.Index().SetUnique(true)
	if err := mongox.EnsureIndexes(ctx, s.inbox,
		mongo.IndexModel{Keys: bson.D{{Key: "source_id", Value: 1}, {Key: "user_id", Value: 1}}, Options: unique},
		mongo.IndexModel{Keys: bson.D{{Key: "user_id", Value: 1}, {Key: "_id", Value: -1}}},
		mongo.IndexModel{Keys: bson.D{{Key: "digest_pending", Value: 1}}},
	); err != nil {
		return nil, err
	}
	if err := mongox.EnsureIndexes(ctx, s.deliveries,
		mongo.IndexModel{Keys: bson.D{{Key: "source_id", Value: 1}, {Key: "recipient", Value: 1}, {Key: "channel", Value: 1}}, Options: unique},
		mongo.IndexModel{Keys: bson.D{{Key: "status", Value: 1}, {Key: "next_attempt_at", Value: 1}}},
		mongo.IndexModel{Keys: bson.D{{Key: "org_id", Value: 1}, {Key: "_id", Value: -1}}},
		mongo.IndexModel{Keys: bson.D{{Key: "candidate_id", Value: 1}}, Options: options.Index().SetSparse(true)},
	); err != nil {
		return nil, err
	}
	if err := s.buildHeads(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// NewID returns a time-ordered id, so sorting by _id lists newest first
// without a second sort key.
func NewID() string { return uuid.Must(uuid.NewV7()).String() }

// insert stores doc, turning a duplicate key into domain.ErrDuplicate.
func insert(ctx context.Context, coll *mongo.Collection, doc any) error {
	_, err := coll.InsertOne(ctx, doc)
	if mongox.IsDuplicateKey(err) {
		return domain.ErrDuplicate
	}
	if err != nil {
		return fmt.Errorf("insert into %s: %w", coll.Name(), err)
	}
	return nil
}

// newestFirst returns one page of filter's documents by descending _id and
// the cursor of the next page ("" on the last).
func newestFirst[T any](ctx context.Context, coll *mongo.Collection, filter bson.D, page mongox.PageRequest, idOf func(T) string) ([]T, string, error) {
	limit := page.Limit
	if limit <= 0 {
		limit = mongox.DefaultPageSize
	}
	limit = min(limit, mongox.MaxPageSize)
	if page.Cursor != "" {
		before, err := mongox.DecodeCursor(page.Cursor)
		if err != nil {
			return nil, "", err
		}
		filter = append(filter, bson.E{Key: "_id", Value: bson.D{{Key: "$lt", Value: before}}})
	}
	opts := options.Find().SetSort(bson.D{{Key: "_id", Value: -1}}).SetLimit(int64(limit + 1))
	cur, err := coll.Find(ctx, filter, opts)
	if err != nil {
		return nil, "", fmt.Errorf("find page in %s: %w", coll.Name(), err)
	}
	var items []T
	if err := cur.All(ctx, &items); err != nil {
		return nil, "", fmt.Errorf("read page from %s: %w", coll.Name(), err)
	}
	if len(items) <= limit {
		return items, "", nil
	}
	items = items[:limit]
	return items, mongox.EncodeCursor(idOf(items[limit-1])), nil
}

// isNoDocuments reports a find that matched nothing.
func isNoDocuments(err error) bool { return errors.Is(err, mongo.ErrNoDocuments) }
