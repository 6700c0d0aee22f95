package mongo

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// dayID is the _id of a refold day's index document.
func dayID(day time.Time) string { return day.UTC().Format(time.DateOnly) }

// listDoc is an index document: the candidates filed under its _id (a
// role id, or a day).
type listDoc struct {
	ID         string   `bson:"_id"`
	Candidates []string `bson:"candidates"`
}

// indexed returns the index entries the changes add: the changed
// candidates under the roles their introductions name and under the days
// a daily pass must refold them on. The journal entry holds them from
// the change's first step and its delta document from its third, until
// a fold adds them to the index documents; an extra entry costs only a
// refold.
func indexed(changes []service.Change) (roles, days map[string][]string) {
	roles, days = map[string][]string{}, map[string][]string{}
	for _, c := range changes {
		for _, r := range c.Roles {
			roles[r] = append(roles[r], c.CandidateID)
		}
		for _, d := range c.RefoldDays {
			days[dayID(d)] = append(days[dayID(d)], c.CandidateID)
		}
	}
	return roles, days
}

// addToLists adds each list's candidates to the index document of its
// _id, creating it when missing.
func addToLists(ctx context.Context, coll *mongo.Collection, lists map[string][]string) error {
	if len(lists) == 0 {
		return nil
	}
	models := make([]mongo.WriteModel, 0, len(lists))
	for id, ids := range lists {
		models = append(models, mongo.NewUpdateOneModel().SetFilter(byID(id)).SetUpsert(true).
			SetUpdate(bson.D{{Key: "$addToSet", Value: bson.D{{Key: "candidates", Value: bson.D{{Key: "$each", Value: ids}}}}}}))
	}
	if _, err := bulk(ctx, coll, models); err != nil {
		return fmt.Errorf("index %s: %w", coll.Name(), err)
	}
	return nil
}

// list reads one index document's candidates with those the deltas not
// yet folded add (picked from a delta by entries), none when there are
// none. The caller holds the absorber lock, so no fold runs meanwhile;
// a candidate in both is listed once.
func (s *Store) list(ctx context.Context, coll *mongo.Collection, gen int, id string, entries func(delta) map[string][]string) ([]string, error) {
	var d listDoc
	err := coll.FindOne(ctx, byID(id)).Decode(&d)
	if err != nil && !errors.Is(err, mongo.ErrNoDocuments) {
		return nil, fmt.Errorf("read %s: %w", coll.Name(), err)
	}
	ds, err := s.readDeltaEntries(ctx)
	if err != nil {
		return nil, err
	}
	out := d.Candidates
	for _, x := range ds {
		if x.gen == gen {
			out = append(out, entries(x)[id]...)
		}
	}
	return slices.Compact(slices.Sorted(slices.Values(out))), nil
}

// RoleCandidates returns the candidates whose progress named the role.
func (s *Store) RoleCandidates(ctx context.Context, gen int, roleID string) ([]string, error) {
	return s.list(ctx, s.coll(rolesColl, gen), gen, roleID, func(d delta) map[string][]string { return d.roles })
}

// DueCandidates returns the candidates to refold on day.
func (s *Store) DueCandidates(ctx context.Context, gen int, day time.Time) ([]string, error) {
	return s.list(ctx, s.coll(dueColl, gen), gen, dayID(day), func(d delta) map[string][]string { return d.due })
}

// DoneDay forgets the day's index document and records the day as the
// last the daily pass finished. It folds first, so that no delta adds to
// the day's document after it is gone.
func (s *Store) DoneDay(ctx context.Context, gen int, day time.Time) error {
	if err := s.fold(ctx); err != nil {
		return err
	}
	if _, err := s.coll(dueColl, gen).DeleteOne(ctx, byID(dayID(day))); err != nil {
		return fmt.Errorf("forget refold day: %w", err)
	}
	return s.setMeta(ctx, bson.D{{Key: "last_pass", Value: day.UTC()}})
}

// MarkDirty records candidates absorbed while generation building is
// being rebuilt.
func (s *Store) MarkDirty(ctx context.Context, building int, ids []string) error {
	models := make([]mongo.WriteModel, 0, len(ids))
	for _, id := range ids {
		models = append(models, mongo.NewReplaceOneModel().SetFilter(byID(id)).SetReplacement(bson.D{{Key: "_id", Value: id}}).SetUpsert(true))
	}
	if len(models) == 0 {
		return nil
	}
	if _, err := bulk(ctx, s.coll(dirtyColl, building), models); err != nil {
		return fmt.Errorf("mark dirty: %w", err)
	}
	return nil
}

// Dirty returns the candidates marked dirty for gen: a scan of a
// collection that holds only what was absorbed during one rebuild.
func (s *Store) Dirty(ctx context.Context, gen int) ([]string, error) {
	cur, err := s.coll(dirtyColl, gen).Find(ctx, bson.D{})
	if err != nil {
		return nil, fmt.Errorf("read dirty marks: %w", err)
	}
	var docs []struct {
		ID string `bson:"_id"`
	}
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("read dirty marks: %w", err)
	}
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.ID
	}
	return out, nil
}

// ForgetDirty drops gen's dirty marks.
func (s *Store) ForgetDirty(ctx context.Context, gen int) error {
	if err := s.coll(dirtyColl, gen).Drop(ctx); err != nil {
		return fmt.Errorf("forget dirty marks: %w", err)
	}
	return nil
}
