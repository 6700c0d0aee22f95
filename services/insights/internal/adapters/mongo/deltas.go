package mongo

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/mongox"
)

// foldEvery is how many changes' deltas wait before a fold adds them to
// the counts documents. A change then writes one delta document instead
// of rewriting every counts document it touches (46 for a batch of 500
// events on one organisation), and a fold rewrites each touched document
// once for all of them; readers add the deltas not yet folded.
const foldEvery = 16

// deltaDoc is one change's increments, from the moment the change is
// counted until a fold adds them to the counts documents. Seq orders the
// changes; a counts document records the last seq folded into it.
type deltaDoc struct {
	ID  string `bson:"_id"` // the change's journal id, so a recovered change logs its delta once
	Seq int64  `bson:"seq"`
	// Gen is the generation whose living counts Living changes; a
	// generation swapped out takes its deltas with it.
	Gen int `bson:"gen"`
	// Living and Anonymous are the increments, each one compressed blob
	// (packed).
	Living    []byte `bson:"living,omitempty"`
	Anonymous []byte `bson:"anonymous,omitempty"`
	// Roles and Due are the index entries the change adds to gen's role
	// and refold-day indexes: candidates by role id and by day.
	Roles map[string][]string `bson:"roles,omitempty"`
	Due   map[string][]string `bson:"due,omitempty"`
}

// delta is a delta document read back.
type delta struct {
	id                string
	seq               int64
	gen               int
	living, anonymous increments
	roles, due        map[string][]string
}

// nextSeq takes the next change's seq from the meta document.
func (s *Store) nextSeq(ctx context.Context) (int64, error) {
	var d struct {
		Seq int64 `bson:"seq"`
	}
	err := s.meta.FindOneAndUpdate(ctx, byID(metaID),
		bson.D{{Key: "$inc", Value: bson.D{{Key: "seq", Value: int64(1)}}}, {Key: "$setOnInsert", Value: bson.D{{Key: "generation", Value: 1}}}},
		options.FindOneAndUpdate().SetUpsert(true).SetReturnDocument(options.After)).Decode(&d)
	if err != nil {
		return 0, fmt.Errorf("number a change: %w", err)
	}
	return d.Seq, nil
}

// logDelta records a change's increments as its delta document; a
// recovered change finds its document there already.
func (s *Store) logDelta(ctx context.Context, op opDoc, living, anonymous increments) error {
	l, err := encodeIncrements(living)
	if err != nil {
		return err
	}
	a, err := encodeIncrements(anonymous)
	if err != nil {
		return err
	}
	_, err = s.deltas.InsertOne(ctx, deltaDoc{ID: op.ID, Seq: op.Seq, Gen: op.Generation, Living: l, Anonymous: a,
		Roles: op.Roles, Due: op.Due})
	if err != nil && !mongox.IsDuplicateKey(err) {
		return fmt.Errorf("count change %s: %w", op.ID, err)
	}
	return nil
}

// readDeltas returns the deltas not yet folded, in order: a scan of a
// collection that holds at most a few folds' worth.
func (s *Store) readDeltas(ctx context.Context) ([]delta, error) {
	return s.findDeltas(ctx, options.Find())
}

// readDeltaEntries returns the same deltas with their index entries
// only, their increments left unread.
func (s *Store) readDeltaEntries(ctx context.Context) ([]delta, error) {
	return s.findDeltas(ctx, options.Find().SetProjection(bson.D{{Key: "living", Value: 0}, {Key: "anonymous", Value: 0}}))
}

func (s *Store) findDeltas(ctx context.Context, opts *options.FindOptionsBuilder) ([]delta, error) {
	cur, err := s.deltas.Find(ctx, bson.D{}, opts)
	if err != nil {
		return nil, fmt.Errorf("read deltas: %w", err)
	}
	var docs []deltaDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("read deltas: %w", err)
	}
	out := make([]delta, 0, len(docs))
	for _, d := range docs {
		x := delta{id: d.ID, seq: d.Seq, gen: d.Gen, living: increments{}, anonymous: increments{}, roles: d.Roles, due: d.Due}
		if err := errors.Join(addEncoded(x.living, d.Living), addEncoded(x.anonymous, d.Anonymous)); err != nil {
			return nil, fmt.Errorf("delta %s: %w", d.ID, err)
		}
		out = append(out, x)
	}
	slices.SortFunc(out, func(a, b delta) int { return cmp.Compare(a.seq, b.seq) })
	return out, nil
}

// unfolded adds to n the increments for document doc of the deltas
// newer than seq, the last folded into it: the living ones of gen, or
// the anonymous ones.
func unfolded(n map[string]int, ds []delta, doc string, seq int64, gen int, anonymous bool) map[string]int {
	for _, d := range ds {
		if d.seq <= seq {
			continue
		}
		inc := d.anonymous
		if !anonymous {
			if d.gen != gen {
				continue
			}
			inc = d.living
		}
		if fields := inc[doc]; len(fields) > 0 {
			n = addFields(n, fields)
		}
	}
	return n
}

// fold adds every waiting delta to the counts and index documents,
// crash-safe and idempotent: a journal entry names the fold and its
// deltas, apply marks each counts document it changes with the fold's id
// (and the last seq folded), the index entries are added to their sets,
// then the deltas and the entry are deleted. Recover finishes a
// fold a crash interrupted from the deltas its entry names that are
// still there: they are all there until every counts document is
// changed.
func (s *Store) fold(ctx context.Context) error {
	ds, err := s.readDeltas(ctx)
	if err != nil || len(ds) == 0 {
		return err
	}
	meta, err := s.Meta(ctx)
	if err != nil {
		return err
	}
	op := opDoc{ID: newOpID(), Generation: meta.Generation, Phase: phaseFolding, Seq: ds[len(ds)-1].seq}
	for _, d := range ds {
		op.Deltas = append(op.Deltas, d.id)
	}
	if _, err := s.ops.InsertOne(ctx, op); err != nil {
		return fmt.Errorf("journal fold %s: %w", op.ID, err)
	}
	return s.finishFold(ctx, op, ds)
}

// finishFold applies a fold's deltas ds (those of op.Deltas still
// there) and deletes them and the fold's entry.
func (s *Store) finishFold(ctx context.Context, op opDoc, ds []delta) error {
	living, anonymous := increments{}, increments{}
	roles, due := map[string][]string{}, map[string][]string{}
	for _, d := range ds {
		if !slices.Contains(op.Deltas, d.id) {
			continue
		}
		if d.gen == op.Generation {
			living.merge(d.living)
			mergeLists(roles, d.roles)
			mergeLists(due, d.due)
		}
		anonymous.merge(d.anonymous)
	}
	if err := s.apply(ctx, s.coll(countsColl, op.Generation), op.ID, op.Seq, living); err != nil {
		return err
	}
	if err := s.apply(ctx, s.anonymous, op.ID, op.Seq, anonymous); err != nil {
		return err
	}
	if err := addToLists(ctx, s.coll(rolesColl, op.Generation), roles); err != nil {
		return err
	}
	if err := addToLists(ctx, s.coll(dueColl, op.Generation), due); err != nil {
		return err
	}
	if err := s.step("folded"); err != nil {
		return err
	}
	models := make([]mongo.WriteModel, 0, len(op.Deltas))
	for _, id := range op.Deltas {
		models = append(models, mongo.NewDeleteOneModel().SetFilter(byID(id)))
	}
	if _, err := bulk(ctx, s.deltas, models); err != nil {
		return fmt.Errorf("fold %s: %w", op.ID, err)
	}
	if _, err := s.ops.DeleteOne(ctx, byID(op.ID)); err != nil {
		return fmt.Errorf("close fold %s: %w", op.ID, err)
	}
	return nil
}

// mergeLists adds more's entries to lists.
func mergeLists(lists, more map[string][]string) {
	for id, ids := range more {
		lists[id] = append(lists[id], ids...)
	}
}

// merge adds more to inc.
func (inc increments) merge(more increments) {
	for doc, fields := range more {
		if len(fields) == 0 {
			continue
		}
		inc[doc] = addFields(inc[doc], fields)
	}
}
