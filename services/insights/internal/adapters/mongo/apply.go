package mongo

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"golang.org/x/sync/errgroup"

	"github.com/onward-jobs/onward/pkg/errs"
)

// apply changes the counts documents of coll by inc and marks each with
// op and seq, the last change it adds: it reads them, adds in memory and writes each back whole (FerretDB
// v1 applies a $inc of n fields in time growing with n squared, and
// rewrites the document anyway), the new ones in one insert. A document
// already marked with op got the change before a crash and is left
// alone; only one fold is in flight at a time, so the last mark
// suffices. On MongoDB a write must find the mark it read (errs.Conflict
// otherwise); on FerretDB the filter is the _id alone, the absorber lock
// serialising writers.
func (s *Store) apply(ctx context.Context, coll *mongo.Collection, op string, seq int64, inc increments) error {
	ids := make([]string, 0, len(inc))
	for doc, fields := range inc {
		if len(fields) > 0 {
			ids = append(ids, doc)
		}
	}
	current, err := s.countsDocs(ctx, coll, ids)
	if err != nil {
		return err
	}
	var inserts []any
	var models []mongo.WriteModel
	for _, id := range ids {
		d, found := current[id]
		if found && d.Op == op {
			continue
		}
		next := countsDoc{ID: id, N: addFields(d.N, inc[id]), Op: op, Seq: seq}
		if !found {
			inserts = append(inserts, next)
			continue
		}
		filter := byID(id)
		if !s.server.FerretDB {
			filter = append(filter, bson.E{Key: "op", Value: d.Op})
		}
		models = append(models, mongo.NewReplaceOneModel().SetFilter(filter).SetReplacement(next))
	}
	if len(inserts) > 0 {
		if _, err := coll.InsertMany(ctx, inserts, options.InsertMany().SetOrdered(false)); err != nil {
			return fmt.Errorf("apply change %s to %s: %w", op, coll.Name(), err)
		}
		if err := s.step("counts"); err != nil {
			return err
		}
	}
	for chunk := range slices.Chunk(models, s.applyChunk) {
		res, err := bulk(ctx, coll, chunk)
		if err != nil {
			return fmt.Errorf("apply change %s to %s: %w", op, coll.Name(), err)
		}
		if int(res.matched) != len(chunk) {
			return fmt.Errorf("apply change %s to %s: a counts document changed meanwhile: %w", op, coll.Name(), errs.Conflict)
		}
		if err := s.step("counts"); err != nil {
			return err
		}
	}
	return nil
}

// addFields returns n with add added, dropping counts that come to zero.
func addFields(n map[string]int, add map[string]int) map[string]int {
	out := make(map[string]int, len(n)+len(add))
	for f, v := range n {
		out[f] = v
	}
	for f, v := range add {
		if out[f] += v; out[f] == 0 {
			delete(out, f)
		}
	}
	return out
}

// countsDocs reads the counts documents of ids that exist, several at a
// time.
func (s *Store) countsDocs(ctx context.Context, coll *mongo.Collection, ids []string) (map[string]countsDoc, error) {
	var mu sync.Mutex
	out := make(map[string]countsDoc, len(ids))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(s.readers)
	for _, id := range ids {
		g.Go(func() error {
			var d countsDoc
			err := coll.FindOne(gctx, byID(id)).Decode(&d)
			if errors.Is(err, mongo.ErrNoDocuments) {
				return nil
			}
			if err != nil {
				return fmt.Errorf("read %s: %w", coll.Name(), err)
			}
			mu.Lock()
			out[id] = d
			mu.Unlock()
			return nil
		})
	}
	return out, g.Wait()
}
