package mongo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// The phases of a change in the journal.
const (
	// phaseWriting: progress documents are being written, each with its
	// pending delta; no count has changed yet.
	phaseWriting = "writing"
	// phaseCounting: every progress document is written; the counts are
	// being changed, each document marked with the change's id.
	phaseCounting = "counting"
	// phaseFinishing: the counts are changed; erasure marks are being
	// written, erased documents deleted and pending deltas cleared.
	phaseFinishing = "finishing"
)

// opDoc is the journal entry of a change in flight: which candidates it
// writes, which erasure marks it leaves and how far it got. It is
// deleted when the change is finished.
type opDoc struct {
	ID         string    `bson:"_id"`
	Generation int       `bson:"gen"`
	Phase      string    `bson:"phase"`
	Candidates []string  `bson:"candidates"`
	Marks      []markDoc `bson:"marks,omitempty"`
	At         time.Time `bson:"at"`
}

// markDoc is an erasure mark: the candidate's id and the erasure event's
// id ("" when the owner no longer knew the candidate). It is all that
// remains of an erased candidate, so that a rebuild racing the erasure
// never counts them twice.
type markDoc struct {
	ID    string    `bson:"_id"`
	Event string    `bson:"event,omitempty"`
	At    time.Time `bson:"at"`
	// Stored, in the journal only, says the candidate had a progress
	// document: its mark is written only once its erasure is counted.
	Stored bool `bson:"stored,omitempty"`
}

// Commit stores the changes of one batch and applies their deltas,
// crash-safe and idempotent:
//  1. a journal entry names the change and its candidates;
//  2. the role and refold-day indexes gain the candidates (an extra entry
//     costs only a refold);
//  3. each progress document is written with its new facts, its new
//     contributions and its delta pending, in one write (an erasure
//     keeps its facts and gains the pending delta);
//  4. each counts document is changed by the summed deltas, in one write
//     that also marks it with the change's id;
//  5. erasure marks are written, erased documents deleted, the pending
//     deltas cleared, and the journal entry deleted.
//
// A crash anywhere leaves the journal entry, and Recover finishes the
// change from what step 3 stored: a document changed in step 4 already
// carries the id and is not changed again.
func (s *Store) Commit(ctx context.Context, gen int, changes []service.Change) error {
	op := opDoc{ID: newOpID(), Generation: gen, Phase: phaseWriting, At: time.Now().UTC()}
	living, anonymous := increments{}, increments{}
	for _, c := range changes {
		op.Candidates = append(op.Candidates, c.CandidateID)
		if c.Erase {
			op.Marks = append(op.Marks, markDoc{ID: c.CandidateID, Event: c.Mark, At: op.At, Stored: c.Version > 0})
		}
		living.add(c.Delta)
		anonymous.add(c.Anonymous)
	}
	if _, err := s.ops.InsertOne(ctx, op); err != nil {
		return fmt.Errorf("journal change %s: %w", op.ID, err)
	}
	if err := s.step("journal"); err != nil {
		return err
	}
	if err := s.index(ctx, gen, changes); err != nil {
		return err
	}
	if err := s.writeProgress(ctx, gen, op.ID, changes); err != nil {
		return err
	}
	if err := s.step("progress"); err != nil {
		return err
	}
	return s.finish(ctx, op, living, anonymous, false)
}

// finish takes a change from phaseCounting on: it changes the counts
// (checking each document's mark first when recovering), then clears up.
func (s *Store) finish(ctx context.Context, op opDoc, living, anonymous increments, recovering bool) error {
	if op.Phase != phaseFinishing {
		if err := s.setPhase(ctx, op.ID, phaseCounting); err != nil {
			return err
		}
		if err := s.apply(ctx, s.coll(countsColl, op.Generation), op.ID, living, recovering); err != nil {
			return err
		}
		if err := s.apply(ctx, s.anonymous, op.ID, anonymous, recovering); err != nil {
			return err
		}
		if err := s.setPhase(ctx, op.ID, phaseFinishing); err != nil {
			return err
		}
	}
	if err := s.step("counted"); err != nil {
		return err
	}
	if err := s.clearUp(ctx, op); err != nil {
		return err
	}
	if _, err := s.ops.DeleteOne(ctx, byID(op.ID)); err != nil {
		return fmt.Errorf("close change %s: %w", op.ID, err)
	}
	return nil
}

func (s *Store) setPhase(ctx context.Context, op, phase string) error {
	if _, err := s.ops.UpdateOne(ctx, byID(op), bson.D{{Key: "$set", Value: bson.D{{Key: "phase", Value: phase}}}}); err != nil {
		return fmt.Errorf("change %s to %s: %w", op, phase, err)
	}
	return nil
}

// writeProgress writes each changed candidate's progress document with
// its pending delta. On MongoDB the write must find the version read
// (errs.Conflict otherwise); on FerretDB the filter is the _id alone
// (see mongox.Server.VersionedFilter), the absorber lock serialising
// writers.
func (s *Store) writeProgress(ctx context.Context, gen int, op string, changes []service.Change) error {
	var models []mongo.WriteModel
	for _, c := range changes {
		liv, anon := increments{}, increments{}
		liv.add(c.Delta)
		anon.add(c.Anonymous)
		pending := &pendingDoc{Op: op, Living: toIncrementsDocs(liv), Anonymous: toIncrementsDocs(anon), Erase: c.Erase}
		filter := s.server.VersionedFilter(c.CandidateID, c.Version)
		switch {
		case c.Erase && c.Version == 0:
			continue // nothing stored: only the mark remains
		case c.Erase:
			models = append(models, mongo.NewUpdateOneModel().SetFilter(filter).
				SetUpdate(bson.D{{Key: "$set", Value: bson.D{{Key: "pending", Value: pending}}}}))
		default:
			d := toProgressDoc(c, c.Version+1)
			d.Pending = pending
			models = append(models, mongo.NewReplaceOneModel().SetFilter(filter).SetReplacement(d).SetUpsert(true))
		}
	}
	if len(models) == 0 {
		return nil
	}
	res, err := s.coll(progressColl, gen).BulkWrite(ctx, models)
	if mongox.IsDuplicateKey(err) {
		return fmt.Errorf("a progress document changed meanwhile: %w", errs.Conflict)
	}
	if err != nil {
		return fmt.Errorf("write progress: %w", err)
	}
	if n := res.MatchedCount + res.UpsertedCount; int(n) != len(models) {
		return fmt.Errorf("%d of %d progress documents changed meanwhile: %w", len(models)-int(n), len(models), errs.Conflict)
	}
	return nil
}

// apply changes the counts documents of coll by inc, each in one write
// that marks it with op. Recovering, it first reads each document and
// leaves one already marked alone: it got the change before the crash.
// Only one change is in flight at a time, so the last mark suffices.
func (s *Store) apply(ctx context.Context, coll *mongo.Collection, op string, inc increments, recovering bool) error {
	var models []mongo.WriteModel
	flush := func() error {
		if len(models) == 0 {
			return nil
		}
		if _, err := coll.BulkWrite(ctx, models); err != nil {
			return fmt.Errorf("apply change %s to %s: %w", op, coll.Name(), err)
		}
		models = models[:0]
		return s.step("counts")
	}
	for doc, fields := range inc {
		if len(fields) == 0 {
			continue
		}
		if recovering {
			done, err := s.marked(ctx, coll, doc, op)
			if err != nil {
				return err
			}
			if done {
				continue
			}
		}
		add := bson.D{}
		for f, n := range fields {
			add = append(add, bson.E{Key: "n." + f, Value: n})
		}
		models = append(models, mongo.NewUpdateOneModel().SetFilter(byID(doc)).SetUpsert(true).
			SetUpdate(bson.D{{Key: "$inc", Value: add}, {Key: "$set", Value: bson.D{{Key: "op", Value: op}}}}))
		if len(models) == s.applyChunk {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// marked reports whether the counts document carries op's mark.
func (s *Store) marked(ctx context.Context, coll *mongo.Collection, doc, op string) (bool, error) {
	var d struct {
		Op string `bson:"op"`
	}
	err := coll.FindOne(ctx, byID(doc)).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read %s: %w", coll.Name(), err)
	}
	return d.Op == op, nil
}

// clearUp writes the change's erasure marks (an existing mark is kept),
// deletes the erased candidates' documents and clears the others'
// pending deltas, each only if it is still this change's. A stored
// candidate's mark is written only with its erasure: a change that
// crashed before its progress writes erased no one.
func (s *Store) clearUp(ctx context.Context, op opDoc) error {
	pending, err := s.pending(ctx, op)
	if err != nil {
		return err
	}
	erasing := map[string]bool{}
	var models []mongo.WriteModel
	for _, d := range pending {
		if d.Pending.Erase {
			erasing[d.ID] = true
			models = append(models, mongo.NewDeleteOneModel().SetFilter(byID(d.ID)))
		} else {
			models = append(models, mongo.NewUpdateOneModel().SetFilter(byID(d.ID)).
				SetUpdate(bson.D{{Key: "$unset", Value: bson.D{{Key: "pending", Value: ""}}}}))
		}
	}
	var marks []mongo.WriteModel
	for _, m := range op.Marks {
		if m.Stored && !erasing[m.ID] {
			continue
		}
		marks = append(marks, mongo.NewUpdateOneModel().SetFilter(byID(m.ID)).SetUpsert(true).
			SetUpdate(bson.D{{Key: "$setOnInsert", Value: bson.D{{Key: "event", Value: m.Event}, {Key: "at", Value: m.At}}}}))
	}
	if len(marks) > 0 {
		if _, err := s.erased.BulkWrite(ctx, marks); err != nil {
			return fmt.Errorf("erasure marks of change %s: %w", op.ID, err)
		}
	}
	if len(models) == 0 {
		return nil
	}
	if _, err := s.coll(progressColl, op.Generation).BulkWrite(ctx, models); err != nil {
		return fmt.Errorf("clear change %s: %w", op.ID, err)
	}
	return nil
}

// pending reads the change's candidates' documents that still carry its
// pending delta: those step 3 wrote and step 5 has not cleared.
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

// Recover finishes every change a crash left in the journal. It sums the
// deltas of the documents still pending with the change (a document step
// 3 did not reach keeps its old facts and was never counted), changes
// each counts document not yet marked with it, and clears up. Changes
// are serialised, so at most one is found.
func (s *Store) Recover(ctx context.Context) error {
	cur, err := s.ops.Find(ctx, bson.D{})
	if err != nil {
		return fmt.Errorf("read the journal: %w", err)
	}
	var ops []opDoc
	if err := cur.All(ctx, &ops); err != nil {
		return fmt.Errorf("read the journal: %w", err)
	}
	for _, op := range ops {
		living, anonymous := increments{}, increments{}
		if op.Phase != phaseFinishing {
			pending, err := s.pending(ctx, op)
			if err != nil {
				return err
			}
			for _, d := range pending {
				addIncrementsDocs(living, d.Pending.Living)
				addIncrementsDocs(anonymous, d.Pending.Anonymous)
			}
		}
		if err := s.finish(ctx, op, living, anonymous, true); err != nil {
			return fmt.Errorf("recover change %s: %w", op.ID, err)
		}
	}
	return nil
}
