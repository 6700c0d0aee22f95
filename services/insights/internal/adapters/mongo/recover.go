package mongo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// clearUp writes the change's erasure marks (an existing mark is kept)
// and deletes the erased candidates' index entries (the waiting deltas'
// entries folded first) and documents. The other documents keep
// their pending delta, stale once the journal forgets the change
// (clearing it would cost a second write of every document). A stored
// candidate's mark is written only with its erasure: a change that
// crashed before its progress writes erased no one.
func (s *Store) clearUp(ctx context.Context, op opDoc, erased map[string]bool) error {
	var marks []mongo.WriteModel
	for _, m := range op.Marks {
		if m.Stored && !erased[m.ID] {
			continue
		}
		marks = append(marks, mongo.NewUpdateOneModel().SetFilter(byID(erasedKey(m.ID))).SetUpsert(true).
			SetUpdate(bson.D{{Key: "$setOnInsert", Value: bson.D{{Key: "event", Value: m.Event}, {Key: "at", Value: m.At}}}}))
	}
	if len(marks) > 0 {
		if _, err := bulk(ctx, s.erased, marks); err != nil {
			return fmt.Errorf("erasure marks of change %s: %w", op.ID, err)
		}
	}
	if len(erased) == 0 {
		return nil
	}
	// The documents go last: until they do, a recovery finds the
	// candidates it must take out of the index by them.
	if err := s.fold(ctx); err != nil {
		return err
	}
	if err := s.unindex(ctx, op.Generation, erased); err != nil {
		return err
	}
	var deletes []mongo.WriteModel
	for id := range erased {
		deletes = append(deletes, mongo.NewDeleteOneModel().SetFilter(byID(id)))
	}
	if _, err := bulk(ctx, s.coll(progressColl, op.Generation), deletes); err != nil {
		return fmt.Errorf("clear change %s: %w", op.ID, err)
	}
	return nil
}

// unindex takes erased candidates out of the role and refold-day indexes,
// so that erasure leaves their ids nowhere. Erasures are rare and the
// index collections small, so each is a scan.
func (s *Store) unindex(ctx context.Context, gen int, erased map[string]bool) error {
	for id := range erased {
		for _, name := range []string{rolesColl, dueColl} {
			_, err := s.coll(name, gen).UpdateMany(ctx, bson.D{{Key: "candidates", Value: id}},
				bson.D{{Key: "$pull", Value: bson.D{{Key: "candidates", Value: id}}}})
			if err != nil {
				return fmt.Errorf("unindex an erased candidate from %s: %w", name, err)
			}
		}
	}
	return nil
}

// addContributions adds to inc the contributions a progress document
// holds, each once.
func addContributions(inc increments, d progressDoc) error {
	c, err := storedContributions(d)
	if err != nil {
		return err
	}
	inc.add(c.Counts())
	return nil
}

// erasedKey is the _id of a candidate's erasure mark: a digest of the id,
// so that the mark, which outlives the candidate, does not hold the id
// erasure removes everywhere else. A rebuild asks for a candidate's mark
// by computing the same digest.
func erasedKey(candidateID string) string {
	sum := sha256.Sum256([]byte("onward-insights-erased:" + candidateID))
	return hex.EncodeToString(sum[:])
}

// pending reads the change's candidates' documents that carry its
// pending delta: those step 2 of Commit wrote (and step 4 did not delete).
func (s *Store) pending(ctx context.Context, op opDoc) ([]progressDoc, error) {
	docs, err := s.progressDocs(ctx, op.Generation, op.Candidates)
	if err != nil {
		return nil, err
	}
	var out []progressDoc
	for _, d := range docs {
		if d.Pending != nil && d.Pending.Op == op.ID {
			out = append(out, d)
		}
	}
	return out, nil
}

// Recover finishes every change or fold a crash left in the journal. For
// a change it sums the deltas of the documents still pending with it (a
// document step 2 did not reach keeps its old facts and was never
// counted), logs that unless it is logged, and clears up; a fold it
// finishes from the deltas still there. Changes and folds are
// serialised, so at most one change is found, and at most one fold: one
// of its own or one the change's erasure started as it finished.
func (s *Store) Recover(ctx context.Context) error {
	cur, err := s.ops.Find(ctx, bson.D{})
	if err != nil {
		return fmt.Errorf("read the journal: %w", err)
	}
	var ops []opDoc
	if err := cur.All(ctx, &ops); err != nil {
		return fmt.Errorf("read the journal: %w", err)
	}
	// A fold first: an erasure's change folds again as it finishes.
	for _, op := range ops {
		if op.Phase != phaseFolding {
			continue
		}
		ds, err := s.readDeltas(ctx)
		if err == nil {
			err = s.finishFold(ctx, op, ds)
		}
		if err != nil {
			return fmt.Errorf("recover fold %s: %w", op.ID, err)
		}
	}
	for _, op := range ops {
		if op.Phase == phaseFolding {
			continue
		}
		if err := s.recoverChange(ctx, op); err != nil {
			return fmt.Errorf("recover change %s: %w", op.ID, err)
		}
	}
	return nil
}

// recoverChange finishes a change from its documents still pending with
// it.
func (s *Store) recoverChange(ctx context.Context, op opDoc) error {
	pending, err := s.pending(ctx, op)
	if err != nil {
		return err
	}
	living, anonymous, erased := increments{}, increments{}, map[string]bool{}
	for _, d := range pending {
		if d.Pending.Erase {
			erased[d.ID] = true
		}
		switch {
		case op.Phase == phaseFinishing:
		case d.Pending.New:
			err = addContributions(living, d)
		default:
			err = errors.Join(addEncoded(living, d.Pending.Living), addEncoded(anonymous, d.Pending.Anonymous))
		}
		if err != nil {
			return err
		}
	}
	return s.finish(ctx, op, living, anonymous, erased)
}
