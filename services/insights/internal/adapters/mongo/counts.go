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

// countsDoc is one counts document: the counts by field, the id of the
// last fold applied to it ("" for none, stored all the same, so that
// MongoDB's filter on it matches) and the seq of the last change that
// fold added (0 for none): a reader adds the deltas after it.
type countsDoc struct {
	ID  string         `bson:"_id"`
	N   map[string]int `bson:"n"`
	Op  string         `bson:"op"`
	Seq int64          `bson:"seq"`
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
// living and anonymous, with the deltas not yet folded into them, into
// sink. The deltas are read first: a fold that runs meanwhile marks the
// documents it changes with a later seq, so nothing is added twice.
func (s *Store) readScope(ctx context.Context, scope string, from, to domain.Month, sink countSink) error {
	if to < from {
		return nil
	}
	meta, err := s.Meta(ctx)
	if err != nil {
		return err
	}
	ds, err := s.readDeltas(ctx)
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
				d := countsDoc{ID: id}
				err := coll.FindOne(gctx, byID(id)).Decode(&d)
				if err != nil && !errors.Is(err, mongo.ErrNoDocuments) {
					return fmt.Errorf("read counts: %w", err)
				}
				n := unfolded(d.N, ds, id, d.Seq, meta.Generation, coll == s.anonymous)
				mu.Lock()
				defer mu.Unlock()
				return addCounts(sink, id, n)
			})
		}
	}
	return g.Wait()
}

// addCounts adds a document's counts to sink.
func addCounts(sink countSink, doc string, n map[string]int) error {
	for f, v := range n {
		if err := addCount(sink, doc, f, v); err != nil {
			return err
		}
	}
	return nil
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
	ds, err := s.readDeltas(ctx)
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
	seen := map[string]bool{}
	for _, d := range docs {
		seen[d.ID] = true
		if err := addCounts(countsSink{&out}, d.ID, unfolded(d.N, ds, d.ID, d.Seq, meta.Generation, anonymous)); err != nil {
			return domain.Counts{}, err
		}
	}
	// Documents no fold has created yet.
	for _, x := range ds {
		inc := x.living
		if anonymous {
			inc = x.anonymous
		}
		for doc := range inc {
			if !seen[doc] {
				seen[doc] = true
				if err := addCounts(countsSink{&out}, doc, unfolded(nil, ds, doc, 0, meta.Generation, anonymous)); err != nil {
					return domain.Counts{}, err
				}
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
