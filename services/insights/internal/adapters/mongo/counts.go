package mongo

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"golang.org/x/sync/errgroup"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// countsDoc is one counts document: the counts by field, and the id of
// the last change applied to it ("" for none, stored all the same, so
// that MongoDB's filter on it matches).
type countsDoc struct {
	ID string         `bson:"_id"`
	N  map[string]int `bson:"n"`
	Op string         `bson:"op"`
}

// ScopeCounts returns the counts of one scope and range of months, the
// living and the anonymous together: for each month the cells of both
// views, the day histograms and (for the platform) the per-employer
// counts, each document read by _id, several at a time. It is for checks
// and diagnostics; a report reads ScopeSheet.
func (s *Store) ScopeCounts(ctx context.Context, scope string, from, to domain.Month) (domain.Counts, error) {
	out := domain.NewCounts()
	if err := s.readScope(ctx, scope, from, to, countsSink{&out}); err != nil {
		return domain.NewCounts(), err
	}
	return dropZeros(out), nil
}

// ScopeSheet returns the same counts as ScopeCounts gathered into the
// sheet a report reads: one row per group and month instead of one map
// entry per count.
func (s *Store) ScopeSheet(ctx context.Context, scope string, from, to domain.Month) (domain.Sheet, error) {
	b := domain.NewSheetBuilder(scope, from, to)
	if err := s.readScope(ctx, scope, from, to, b); err != nil {
		return domain.NewSheetBuilder(scope, from, to).Sheet(), err
	}
	return b.Sheet(), nil
}

// readScope reads the counts documents of one scope and range of months,
// living and anonymous, into sink.
func (s *Store) readScope(ctx context.Context, scope string, from, to domain.Month, sink countSink) error {
	if to < from {
		return nil
	}
	meta, err := s.Meta(ctx)
	if err != nil {
		return err
	}
	var ids []string
	for m := from; m <= to; m++ {
		ids = append(ids, docIDs(scope, m)...)
	}
	var mu sync.Mutex
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(s.readers)
	for _, coll := range []*mongo.Collection{s.coll(countsColl, meta.Generation), s.anonymous} {
		for _, id := range ids {
			g.Go(func() error {
				var d countsDoc
				err := coll.FindOne(gctx, byID(id)).Decode(&d)
				if errors.Is(err, mongo.ErrNoDocuments) {
					return nil
				}
				if err != nil {
					return fmt.Errorf("read counts: %w", err)
				}
				mu.Lock()
				defer mu.Unlock()
				for f, n := range d.N {
					if err := addCount(sink, d.ID, f, n); err != nil {
						return err
					}
				}
				return nil
			})
		}
	}
	return g.Wait()
}

// dropZeros removes the counts that came to zero (a count moved away).
func dropZeros(c domain.Counts) domain.Counts {
	for k, n := range c.Cells {
		if n == 0 {
			delete(c.Cells, k)
		}
	}
	for k, n := range c.Days {
		if n == 0 {
			delete(c.Days, k)
		}
	}
	for k, n := range c.Employers {
		if n == 0 {
			delete(c.Employers, k)
		}
	}
	return c
}

// All returns every living count of the live generation, or the
// anonymous totals when anonymous: a scan for checks and diagnostics
// (the rebuild-equals-incremental test), never for a report.
func (s *Store) All(ctx context.Context, anonymous bool) (domain.Counts, error) {
	meta, err := s.Meta(ctx)
	if err != nil {
		return domain.Counts{}, err
	}
	coll := s.coll(countsColl, meta.Generation)
	if anonymous {
		coll = s.anonymous
	}
	cur, err := coll.Find(ctx, bson.D{})
	if err != nil {
		return domain.Counts{}, fmt.Errorf("read counts: %w", err)
	}
	var docs []countsDoc
	if err := cur.All(ctx, &docs); err != nil {
		return domain.Counts{}, fmt.Errorf("read counts: %w", err)
	}
	out := domain.NewCounts()
	for _, d := range docs {
		for f, n := range d.N {
			if err := addCount(countsSink{&out}, d.ID, f, n); err != nil {
				return domain.Counts{}, err
			}
		}
	}
	return dropZeros(out), nil
}

// toCountsDocs groups counts into their documents, as a rebuild writes
// them.
func toCountsDocs(c domain.Counts) []countsDoc {
	inc := increments{}
	inc.add(domain.Delta{Cells: c.Cells, Days: c.Days, Employers: c.Employers})
	out := make([]countsDoc, 0, len(inc))
	for doc, fields := range inc {
		if len(fields) > 0 {
			out = append(out, countsDoc{ID: doc, N: fields})
		}
	}
	return out
}
