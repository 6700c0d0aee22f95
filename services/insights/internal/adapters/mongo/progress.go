package mongo

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"golang.org/x/sync/errgroup"

	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// Stored returns the stored progress of the candidates that have a
// document in gen, read by _id, several at a time.
func (s *Store) Stored(ctx context.Context, gen int, ids []string) (map[string]service.Stored, error) {
	docs, err := s.progressDocs(ctx, gen, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[string]service.Stored, len(docs))
	for _, d := range docs {
		st, err := toStored(d)
		if err != nil {
			return nil, fmt.Errorf("progress of %s: %w", d.ID, err)
		}
		out[d.ID] = st
	}
	return out, nil
}

// progressDocs reads the documents of ids in gen that exist.
func (s *Store) progressDocs(ctx context.Context, gen int, ids []string) ([]progressDoc, error) {
	coll := s.coll(progressColl, gen)
	var mu sync.Mutex
	var out []progressDoc
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(s.readers)
	for _, id := range ids {
		g.Go(func() error {
			var d progressDoc
			err := coll.FindOne(gctx, byID(id)).Decode(&d)
			if errors.Is(err, mongo.ErrNoDocuments) {
				return nil
			}
			if err != nil {
				return fmt.Errorf("read progress of %s: %w", id, err)
			}
			mu.Lock()
			out = append(out, d)
			mu.Unlock()
			return nil
		})
	}
	return out, g.Wait()
}

// StoredIDs returns every candidate with a progress document in gen: a
// scan of ids only, for a rebuild.
func (s *Store) StoredIDs(ctx context.Context, gen int) ([]string, error) {
	cur, err := s.coll(progressColl, gen).Find(ctx, bson.D{}, options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}}))
	if err != nil {
		return nil, fmt.Errorf("list progress: %w", err)
	}
	var docs []struct {
		ID string `bson:"_id"`
	}
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("list progress: %w", err)
	}
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.ID
	}
	return out, nil
}

// IsErased reports whether the candidate carries an erasure mark.
func (s *Store) IsErased(ctx context.Context, id string) (bool, error) {
	err := s.erased.FindOne(ctx, byID(erasedKey(id))).Err()
	if errors.Is(err, mongo.ErrNoDocuments) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read erasure mark: %w", err)
	}
	return true, nil
}
