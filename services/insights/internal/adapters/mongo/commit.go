package mongo

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// The phases of a change in the journal.
const (
	// phaseWriting: progress documents are being written, each with its
	// pending delta, and then the change's delta document. Recovery sums
	// the deltas of the progress documents written and logs that.
	phaseWriting = "writing"
	// phaseFinishing: the delta is logged; erasure marks are being
	// written and erased documents deleted. Recovery only finishes that:
	// with some erased documents gone, the sum of the rest is no longer
	// the change's.
	phaseFinishing = "finishing"
	// phaseFolding: a fold is adding the deltas it names to the counts
	// documents (see fold).
	phaseFolding = "folding"
)

// opDoc is the journal entry of a change or a fold in flight: which
// candidates a change writes, which erasure marks it leaves and how far
// it got; which deltas a fold adds. It is deleted when it is finished.
type opDoc struct {
	ID         string    `bson:"_id"`
	Generation int       `bson:"gen"`
	Phase      string    `bson:"phase"`
	Candidates []string  `bson:"candidates,omitempty"`
	Marks      []markDoc `bson:"marks,omitempty"`
	At         time.Time `bson:"at"`
	// Seq is a change's place in the order of changes; for a fold, the
	// last seq it folds.
	Seq    int64    `bson:"seq"`
	Deltas []string `bson:"deltas,omitempty"`
	// Roles and Due are the index entries a change adds (see indexed).
	Roles map[string][]string `bson:"roles,omitempty"`
	Due   map[string][]string `bson:"due,omitempty"`
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
//  1. a journal entry names the change, its candidates and the index
//     entries it adds (the roles and refold days that name them);
//  2. each progress document is written with its new facts, its new
//     contributions and its delta pending, in one write (an erasure
//     keeps its facts and gains the pending delta);
//  3. the summed deltas and the index entries are logged as one delta
//     document, named by the change's id (see logDelta);
//  4. erasure marks are written, erased documents deleted and the
//     journal entry deleted, which makes the pending deltas stale.
//
// A crash anywhere leaves the journal entry, and Recover finishes the
// change from what step 2 stored: a delta logged in step 3 is not logged
// again. Every foldEvery changes, a fold adds the logged deltas to the
// counts documents.
func (s *Store) Commit(ctx context.Context, gen int, changes []service.Change) error {
	seq, err := s.nextSeq(ctx)
	if err != nil {
		return err
	}
	op := opDoc{ID: newOpID(), Generation: gen, Phase: phaseWriting, At: time.Now().UTC(), Seq: seq}
	op.Roles, op.Due = indexed(changes)
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
	if err := s.writeProgress(ctx, gen, op.ID, changes); err != nil {
		return err
	}
	if err := s.step("progress"); err != nil {
		return err
	}
	if err := s.finish(ctx, op, living, anonymous, erasing(changes)); err != nil {
		return err
	}
	if op.Seq%int64(s.foldEvery) != 0 {
		return nil
	}
	return s.fold(ctx)
}

// erasing returns the stored candidates the changes erase.
func erasing(changes []service.Change) map[string]bool {
	out := map[string]bool{}
	for _, c := range changes {
		if c.Erase && c.Version > 0 {
			out[c.CandidateID] = true
		}
	}
	return out
}

// finish takes a change on once its progress documents are written: it
// logs the change's delta, then clears up; erased are the stored
// candidates it erases. Only a change that erases needs the journal to
// say its delta is logged: one that does not deletes no document, so a
// recovery sums the same delta again, and finds it logged.
func (s *Store) finish(ctx context.Context, op opDoc, living, anonymous increments, erased map[string]bool) error {
	if op.Phase != phaseFinishing {
		if err := s.logDelta(ctx, op, living, anonymous); err != nil {
			return err
		}
		if len(op.Marks) > 0 {
			if err := s.setPhase(ctx, op.ID, phaseFinishing); err != nil {
				return err
			}
		}
	}
	if err := s.step("counted"); err != nil {
		return err
	}
	if err := s.clearUp(ctx, op, erased); err != nil {
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
// its pending delta: the new ones in one insert (one transaction on
// FerretDB, where each update is one), the others one update each. On
// MongoDB an update must find the version read (errs.Conflict
// otherwise); on FerretDB the filter is the _id alone (see
// mongox.Server.VersionedFilter), the absorber lock serialising writers.
func (s *Store) writeProgress(ctx context.Context, gen int, op string, changes []service.Change) error {
	var inserts []any
	var models []mongo.WriteModel
	for _, c := range changes {
		pending, err := pendingOf(op, c)
		if err != nil {
			return err
		}
		filter := s.server.VersionedFilter(c.CandidateID, c.Version)
		switch {
		case c.Erase && c.Version == 0:
			continue // nothing stored: only the mark remains
		case c.Erase:
			models = append(models, mongo.NewUpdateOneModel().SetFilter(filter).
				SetUpdate(bson.D{{Key: "$set", Value: bson.D{{Key: "pending", Value: pending}}}}))
			continue
		}
		d, err := toProgressDoc(c, c.Version+1)
		if err != nil {
			return err
		}
		d.Pending = pending
		if c.Version == 0 {
			inserts = append(inserts, d)
		} else {
			models = append(models, mongo.NewReplaceOneModel().SetFilter(filter).SetReplacement(d))
		}
	}
	coll := s.coll(progressColl, gen)
	if len(inserts) > 0 {
		_, err := coll.InsertMany(ctx, inserts, options.InsertMany().SetOrdered(false))
		if mongox.IsDuplicateKey(err) {
			return fmt.Errorf("a progress document was created meanwhile: %w", errs.Conflict)
		}
		if err != nil {
			return fmt.Errorf("write progress: %w", err)
		}
	}
	if len(models) == 0 {
		return nil
	}
	res, err := bulk(ctx, coll, models)
	if err != nil {
		return fmt.Errorf("write progress: %w", err)
	}
	if int(res.matched) != len(models) {
		return fmt.Errorf("%d of %d progress documents changed meanwhile: %w", len(models)-int(res.matched), len(models), errs.Conflict)
	}
	return nil
}

// pendingOf is the change c as its progress document keeps it while the
// change is applied. A new candidate's delta is their contributions,
// which the document holds already, so only the mark New is kept.
func pendingOf(op string, c service.Change) (*pendingDoc, error) {
	if c.Version == 0 && !c.Erase {
		return &pendingDoc{Op: op, New: true}, nil
	}
	liv, anon := increments{}, increments{}
	liv.add(c.Delta)
	anon.add(c.Anonymous)
	l, err := encodeIncrements(liv)
	if err != nil {
		return nil, err
	}
	a, err := encodeIncrements(anon)
	if err != nil {
		return nil, err
	}
	return &pendingDoc{Op: op, Living: l, Anonymous: a, Erase: c.Erase}, nil
}
