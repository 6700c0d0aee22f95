package mongo

import (
	"context"
	"fmt"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// insertChunk is how many documents one insert of a rebuild writes.
const insertChunk = 500

// BeginRebuild starts writing the generation after the live one: it drops
// whatever a crashed rebuild left of it and records it as being built,
// so that absorbing marks its candidates dirty from now on.
func (s *Store) BeginRebuild(ctx context.Context) (int, error) {
	meta, err := s.Meta(ctx)
	if err != nil {
		return 0, err
	}
	gen := meta.Generation + 1
	if err := s.DropGeneration(ctx, gen); err != nil {
		return 0, err
	}
	return gen, s.setMeta(ctx, bson.D{{Key: "building", Value: gen}})
}

// WriteRebuilt inserts a chunk of the new generation's progress
// documents.
func (s *Store) WriteRebuilt(ctx context.Context, gen int, docs []service.Change) error {
	out := make([]any, len(docs))
	for i, c := range docs {
		d, err := toProgressDoc(c, 1)
		if err != nil {
			return err
		}
		out[i] = d
	}
	return s.insert(ctx, progressColl, gen, out)
}

// WriteRebuiltIndexes inserts the new generation's role and refold-day
// index documents.
func (s *Store) WriteRebuiltIndexes(ctx context.Context, gen int, roles map[string][]string, days map[time.Time][]string) error {
	var rs, ds []any
	for id, ids := range roles {
		rs = append(rs, listDoc{ID: id, Candidates: slices.Compact(slices.Sorted(slices.Values(ids)))})
	}
	for day, ids := range days {
		ds = append(ds, listDoc{ID: dayID(day), Candidates: slices.Compact(slices.Sorted(slices.Values(ids)))})
	}
	if err := s.insert(ctx, rolesColl, gen, rs); err != nil {
		return err
	}
	return s.insert(ctx, dueColl, gen, ds)
}

// WriteRebuiltCounts inserts the new generation's counts documents.
func (s *Store) WriteRebuiltCounts(ctx context.Context, gen int, counts domain.Counts) error {
	docs := toCountsDocs(counts)
	out := make([]any, len(docs))
	for i, d := range docs {
		out[i] = d
	}
	return s.insert(ctx, countsColl, gen, out)
}

// insert writes docs into a generation's collection, insertChunk at a
// time.
func (s *Store) insert(ctx context.Context, name string, gen int, docs []any) error {
	coll := s.coll(name, gen)
	for chunk := range slices.Chunk(docs, insertChunk) {
		if _, err := coll.InsertMany(ctx, chunk, options.InsertMany().SetOrdered(false)); err != nil {
			return fmt.Errorf("write %s: %w", coll.Name(), err)
		}
	}
	return nil
}

// SwapGeneration makes gen live and records passed as the last day the
// daily pass finished: the rebuild folded every candidate as of then.
func (s *Store) SwapGeneration(ctx context.Context, gen int, passed time.Time) error {
	return s.setMeta(ctx, bson.D{{Key: "generation", Value: gen}, {Key: "building", Value: 0}, {Key: "built", Value: true},
		{Key: "rebuild_wanted", Value: false}, {Key: "last_pass", Value: passed.UTC()}})
}

// DropGeneration removes a generation's collections.
func (s *Store) DropGeneration(ctx context.Context, gen int) error {
	for _, name := range generational {
		if err := s.coll(name, gen).Drop(ctx); err != nil {
			return fmt.Errorf("drop %s: %w", s.coll(name, gen).Name(), err)
		}
	}
	return nil
}
