package mongox

import (
	"context"
	"encoding/base64"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/errs"
)

// DefaultPageSize and MaxPageSize bound list endpoints.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// PageRequest asks for up to Limit documents after the position an opaque
// Cursor names. The zero value asks for the first page.
type PageRequest struct {
	Cursor string
	Limit  int
}

// EncodeCursor turns the last _id of a page into an opaque cursor.
func EncodeCursor(lastID string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(lastID))
}

// DecodeCursor reverses EncodeCursor; a cursor the client mangled is an
// InvalidArgument naming the "cursor" field.
func DecodeCursor(cursor string) (string, error) {
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil || len(raw) == 0 {
		return "", errs.Invalid("cursor", "is not a cursor this API issued")
	}
	return string(raw), nil
}

// FindPage returns one page of documents matching filter in ascending _id
// order (string ids), and the cursor of the next page, or "" on the last
// page. Keyset pagination by _id stays cheap however deep the client pages,
// unlike skip/limit.
func FindPage[T any](ctx context.Context, coll *mongo.Collection, filter bson.D, page PageRequest, idOf func(T) string) ([]T, string, error) {
	limit := page.Limit
	if limit <= 0 {
		limit = DefaultPageSize
	}
	if limit > MaxPageSize {
		limit = MaxPageSize
	}
	if page.Cursor != "" {
		after, err := DecodeCursor(page.Cursor)
		if err != nil {
			return nil, "", err
		}
		filter = append(filter, bson.E{Key: "_id", Value: bson.D{{Key: "$gt", Value: after}}})
	}
	opts := options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}).SetLimit(int64(limit + 1))
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
	return items, EncodeCursor(idOf(items[limit-1])), nil
}

// Each decodes every document a find returns into a T and calls fn with
// it, a batch of batchSize at a time, stopping at fn's first error. It
// reads the collection in one pass, where paging would read it once per
// page on a server without indexes behind range queries (FerretDB v1).
func Each[T any](ctx context.Context, coll *mongo.Collection, filter any, opts *options.FindOptionsBuilder, batchSize int32, fn func(T) error) error {
	cur, err := coll.Find(ctx, filter, opts.SetBatchSize(batchSize))
	if err != nil {
		return fmt.Errorf("find in %s: %w", coll.Name(), err)
	}
	defer cur.Close(context.WithoutCancel(ctx))
	for cur.Next(ctx) {
		var item T
		if err := cur.Decode(&item); err != nil {
			return fmt.Errorf("decode from %s: %w", coll.Name(), err)
		}
		if err := fn(item); err != nil {
			return err
		}
	}
	if err := cur.Err(); err != nil {
		return fmt.Errorf("read %s: %w", coll.Name(), err)
	}
	return nil
}
