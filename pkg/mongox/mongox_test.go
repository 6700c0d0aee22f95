package mongox

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/testkit"
)

type doc struct {
	ID  string `bson:"_id"`
	Org string `bson:"org"`
}

func TestFindPageWalksEveryDocumentOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	coll := testkit.MongoDB(t).Collection("docs")
	for i := range 25 {
		org := "a"
		if i%5 == 0 {
			org = "b"
		}
		if _, err := coll.InsertOne(ctx, doc{ID: fmt.Sprintf("d%03d", i), Org: org}); err != nil {
			t.Fatal(err)
		}
	}
	seen := map[string]bool{}
	cursor, pages := "", 0
	for {
		items, next, err := FindPage(ctx, coll, bson.D{{Key: "org", Value: "a"}}, PageRequest{Cursor: cursor, Limit: 7}, func(d doc) string { return d.ID })
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, d := range items {
			if seen[d.ID] || d.Org != "a" {
				t.Fatalf("document %+v repeated or outside the filter", d)
			}
			seen[d.ID] = true
		}
		if next == "" {
			break
		}
		cursor = next
	}
	if len(seen) != 20 || pages != 3 {
		t.Fatalf("saw %d documents in %d pages, want 20 in 3", len(seen), pages)
	}
}

func TestFindPageRejectsForgedCursor(t *testing.T) {
	t.Parallel()
	coll := testkit.MongoDB(t).Collection("docs")
	_, _, err := FindPage(context.Background(), coll, bson.D{}, PageRequest{Cursor: "%%%"}, func(d doc) string { return d.ID })
	if !errors.Is(err, errs.InvalidArgument) {
		t.Fatalf("forged cursor: %v, want InvalidArgument", err)
	}
}

func TestEnsureIndexesIsIdempotentAndUnique(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	coll := testkit.MongoDB(t).Collection("users")
	idx := mongo.IndexModel{Keys: bson.D{{Key: "email", Value: 1}}, Options: options.Index().SetUnique(true)}
	for range 2 {
		if err := EnsureIndexes(ctx, coll, idx); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := coll.InsertOne(ctx, bson.M{"_id": "1", "email": "a@b.eu"}); err != nil {
		t.Fatal(err)
	}
	_, err := coll.InsertOne(ctx, bson.M{"_id": "2", "email": "a@b.eu"})
	if !IsDuplicateKey(err) {
		t.Fatalf("duplicate email: %v, want a duplicate-key error", err)
	}
	err = NotFoundAs(coll.FindOne(ctx, bson.M{"_id": "nope"}).Err(), "load user %s", "nope")
	if !errors.Is(err, errs.NotFound) {
		t.Fatalf("missing user: %v", err)
	}
}

// TestEnsureIndexesAgainOnARestart is what every restart does: some of the
// indexes exist already and one is new. On FerretDB v1 a single
// createIndexes command for such a mix used to drop the connection.
func TestEnsureIndexesAgainOnARestart(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	coll := testkit.MongoDB(t).Collection("roles")
	first := []mongo.IndexModel{
		{Keys: bson.D{{Key: "employer_id", Value: 1}, {Key: "_id", Value: 1}}},
		{Keys: bson.D{{Key: "closing_date", Value: 1}}},
	}
	if err := EnsureIndexes(ctx, coll, first...); err != nil {
		t.Fatal(err)
	}
	again := append(first, mongo.IndexModel{Keys: bson.D{{Key: "status", Value: 1}, {Key: "_id", Value: 1}}})
	for range 2 {
		if err := EnsureIndexes(ctx, coll, again...); err != nil {
			t.Fatalf("ensure indexes on a restart: %v", err)
		}
	}
	cur, err := coll.Indexes().List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var specs []bson.M
	if err := cur.All(ctx, &specs); err != nil {
		t.Fatal(err)
	}
	if len(specs) != 4 { // _id plus the three
		t.Fatalf("%d indexes, want 4: %v", len(specs), specs)
	}
}

func TestEachReadsEveryDocumentAndStopsAtAnError(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	coll := testkit.MongoDB(t).Collection("docs")
	for i := range 25 {
		if _, err := coll.InsertOne(ctx, doc{ID: fmt.Sprintf("d%03d", i), Org: "a"}); err != nil {
			t.Fatal(err)
		}
	}
	seen := map[string]bool{}
	err := Each(ctx, coll, bson.D{}, options.Find(), 7, func(d doc) error { seen[d.ID] = true; return nil })
	if err != nil || len(seen) != 25 {
		t.Fatalf("Each saw %d documents, err %v; want 25", len(seen), err)
	}
	stop := errors.New("enough")
	n := 0
	err = Each(ctx, coll, bson.D{}, options.Find(), 7, func(doc) error {
		if n++; n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Fatalf("Each went on after an error: %d calls, err %v", n, err)
	}
}
