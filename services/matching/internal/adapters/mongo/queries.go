package mongo

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// replace writes doc as the whole document id, inserting it if missing.
func replace(ctx context.Context, coll *mongo.Collection, id string, doc any) error {
	_, err := coll.ReplaceOne(ctx, bson.D{{Key: "_id", Value: id}}, doc, options.Replace().SetUpsert(true))
	if err != nil {
		return fmt.Errorf("replace %s %s: %w", coll.Name(), id, err)
	}
	return nil
}

// remove deletes document id; a missing one is not an error.
func remove(ctx context.Context, coll *mongo.Collection, id string) error {
	if _, err := coll.DeleteOne(ctx, bson.D{{Key: "_id", Value: id}}); err != nil {
		return fmt.Errorf("delete %s %s: %w", coll.Name(), id, err)
	}
	return nil
}

// ids returns the _id of every document matching filter, in order.
func ids(ctx context.Context, coll *mongo.Collection, filter bson.D) ([]string, error) {
	cur, err := coll.Find(ctx, filter, options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}}).SetSort(bson.D{{Key: "_id", Value: 1}}))
	if err != nil {
		return nil, fmt.Errorf("find %s: %w", coll.Name(), err)
	}
	var docs []struct {
		ID string `bson:"_id"`
	}
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("read %s: %w", coll.Name(), err)
	}
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.ID
	}
	return out, nil
}

// cutoffs returns the cut-off of each listed document that exists.
func cutoffs(ctx context.Context, coll *mongo.Collection, idList []string) (map[string]results.Cutoff, error) {
	out := make(map[string]results.Cutoff, len(idList))
	if len(idList) == 0 {
		return out, nil
	}
	cur, err := coll.Find(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: idList}}}},
		options.Find().SetProjection(bson.D{{Key: "cutoff", Value: 1}}))
	if err != nil {
		return nil, fmt.Errorf("find %s cut-offs: %w", coll.Name(), err)
	}
	var docs []struct {
		ID     string    `bson:"_id"`
		Cutoff cutoffDoc `bson:"cutoff"`
	}
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("read %s cut-offs: %w", coll.Name(), err)
	}
	for _, d := range docs {
		out[d.ID] = toCutoff(d.Cutoff)
	}
	return out, nil
}

// members returns each document's id and member list (the field named).
func members(ctx context.Context, coll *mongo.Collection, field string) ([]results.ListMembers, error) {
	cur, err := coll.Find(ctx, bson.D{}, options.Find().
		SetProjection(bson.D{{Key: field, Value: 1}}).
		SetBatchSize(1000))
	if err != nil {
		return nil, fmt.Errorf("find %s members: %w", coll.Name(), err)
	}
	defer cur.Close(ctx)
	var out []results.ListMembers
	for cur.Next(ctx) {
		raw := cur.Current
		var d struct {
			ID string `bson:"_id"`
		}
		if err := bson.Unmarshal(raw, &d); err != nil {
			return nil, fmt.Errorf("read %s members: %w", coll.Name(), err)
		}
		var ids []string
		if v, err := raw.LookupErr(field); err == nil {
			if err := v.Unmarshal(&ids); err != nil {
				return nil, fmt.Errorf("read %s members of %s: %w", coll.Name(), d.ID, err)
			}
		}
		out = append(out, results.ListMembers{ID: d.ID, Members: ids})
	}
	if err := cur.Err(); err != nil {
		return nil, fmt.Errorf("read %s members: %w", coll.Name(), err)
	}
	return out, nil
}

// dropIndex drops an index if it exists; failing to is harmless.
func dropIndex(ctx context.Context, coll *mongo.Collection, name string) {
	_ = coll.Indexes().DropOne(ctx, name)
}
