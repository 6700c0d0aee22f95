package mongo

import (
	"context"
	"errors"
	"fmt"
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

// index files the changed candidates under the roles their introductions
// name and the days a daily pass must refold them on. It runs before
// their progress is written, so a crash leaves at most a needless
// refold.
func (s *Store) index(ctx context.Context, gen int, changes []service.Change) error {
	roles, days := map[string][]string{}, map[string][]string{}
	for _, c := range changes {
		for _, r := range c.Roles {
			roles[r] = append(roles[r], c.CandidateID)
		}
		for _, d := range c.RefoldDays {
			days[dayID(d)] = append(days[dayID(d)], c.CandidateID)
		}
	}
	if err := addToLists(ctx, s.coll(rolesColl, gen), roles); err != nil {
		return err
	}
	return addToLists(ctx, s.coll(dueColl, gen), days)
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

// list reads one index document's candidates, none when it is missing.
func list(ctx context.Context, coll *mongo.Collection, id string) ([]string, error) {
	var d listDoc
	err := coll.FindOne(ctx, byID(id)).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", coll.Name(), err)
	}
	return d.Candidates, nil
}

// RoleCandidates returns the candidates whose progress named the role.
func (s *Store) RoleCandidates(ctx context.Context, gen int, roleID string) ([]string, error) {
	return list(ctx, s.coll(rolesColl, gen), roleID)
}

// DueCandidates returns the candidates to refold on day.
func (s *Store) DueCandidates(ctx context.Context, gen int, day time.Time) ([]string, error) {
	return list(ctx, s.coll(dueColl, gen), dayID(day))
}

// DoneDay forgets the day's index document and records the day as the
// last the daily pass finished.
func (s *Store) DoneDay(ctx context.Context, gen int, day time.Time) error {
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
