package ferretsqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// start runs a server in a fresh directory for one test.
func start(t testing.TB) (*Server, *mongo.Client, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := Start(Config{Dir: dir, Addr: "127.0.0.1:0", IndexEvery: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	client, err := mongo.Connect(options.Client().ApplyURI(s.URI()).SetTimeout(30 * time.Second))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = client.Disconnect(context.Background())
		if err := s.Stop(); err != nil {
			t.Error(err)
		}
	})
	return s, client, dir
}

// fill inserts n documents of about 2 KB with ids doc-0 … doc-(n-1).
func fill(t testing.TB, coll *mongo.Collection, n int) {
	t.Helper()
	pad := strings.Repeat("x", 2000)
	var docs []any
	for i := range n {
		docs = append(docs, bson.D{{Key: "_id", Value: fmt.Sprintf("doc-%d", i)}, {Key: "n", Value: i}, {Key: "pad", Value: pad}})
	}
	if _, err := coll.InsertMany(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
}

// plan is SQLite's query plan for FerretDB's lookup by _id in the table
// behind the only collection of database db.
func plan(t *testing.T, dir, db string) string {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+filepath.Join(dir, db+".sqlite")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var table string
	if err := conn.QueryRow(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\_ferretdb\_%' ESCAPE '\'`).Scan(&table); err != nil {
		t.Fatal(err)
	}
	rows, err := conn.Query(`EXPLAIN QUERY PLAN SELECT _ferretdb_sjson FROM `+quote(table)+` WHERE `+idExpression+` = ?`, `"doc-1"`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var steps []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		steps = append(steps, detail)
	}
	return strings.Join(steps, "; ")
}

func TestLookupsByIDUseTheAddedIndex(t *testing.T) {
	s, client, dir := start(t)
	ctx := context.Background()
	coll := client.Database("shop").Collection("orders")
	fill(t, coll, 500)

	if p := plan(t, dir, "shop"); !strings.Contains(p, "SCAN") {
		t.Fatalf("before indexing, FerretDB's lookup by _id should scan the table; plan: %s", p)
	}
	added, err := s.IndexIDs(ctx)
	if err != nil || added != 1 {
		t.Fatalf("IndexIDs = %d, %v; want 1 table indexed", added, err)
	}
	if p := plan(t, dir, "shop"); !strings.Contains(p, "USING INDEX") || !strings.Contains(p, indexSuffix) {
		t.Fatalf("after indexing, the lookup by _id should use %s; plan: %s", indexSuffix, p)
	}
	if added, err := s.IndexIDs(ctx); err != nil || added != 0 {
		t.Fatalf("a second round = %d, %v; want nothing to do", added, err)
	}

	// The index changes how documents are found, never which.
	var got struct{ N int }
	if err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: "doc-321"}}).Decode(&got); err != nil || got.N != 321 {
		t.Fatalf("find doc-321 = %+v, %v", got, err)
	}
	if res, err := coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: "doc-7"}}, bson.D{{Key: "$set", Value: bson.D{{Key: "n", Value: 70}}}}); err != nil || res.MatchedCount != 1 {
		t.Fatalf("update doc-7 = %+v, %v", res, err)
	}
	if err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: "doc-7"}}).Decode(&got); err != nil || got.N != 70 {
		t.Fatalf("doc-7 after update = %+v, %v", got, err)
	}
	if res, err := coll.DeleteOne(ctx, bson.D{{Key: "_id", Value: "doc-8"}}); err != nil || res.DeletedCount != 1 {
		t.Fatalf("delete doc-8 = %+v, %v", res, err)
	}
	if err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: "doc-8"}}).Err(); err != mongo.ErrNoDocuments {
		t.Fatalf("doc-8 after delete: %v", err)
	}
	if _, err := coll.InsertOne(ctx, bson.D{{Key: "_id", Value: "doc-9"}}); !mongo.IsDuplicateKeyError(err) {
		t.Fatalf("a second doc-9 should still be a duplicate key, got %v", err)
	}
}

func TestDroppedCollectionsAndNewOnesAreHandled(t *testing.T) {
	s, client, _ := start(t)
	ctx := context.Background()
	db := client.Database("shop")
	fill(t, db.Collection("orders"), 10)
	if _, err := s.IndexIDs(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.Collection("orders").Drop(ctx); err != nil {
		t.Fatal(err)
	}
	fill(t, db.Collection("orders"), 10)
	fill(t, client.Database("stock").Collection("items"), 10)
	added, err := s.IndexIDs(ctx)
	if err != nil || added != 2 {
		t.Fatalf("after a drop and a new database: IndexIDs = %d, %v; want 2", added, err)
	}
}

// BenchmarkFindByID measures a find by _id at two collection sizes, with
// and without the added index: without it the cost grows with the size.
func BenchmarkFindByID(b *testing.B) {
	for _, indexed := range []bool{false, true} {
		for _, size := range []int{100, 5000} {
			b.Run(fmt.Sprintf("indexed=%t/docs=%d", indexed, size), func(b *testing.B) {
				s, client, _ := start(b)
				coll := client.Database("bench").Collection("docs")
				fill(b, coll, size)
				if indexed {
					if _, err := s.IndexIDs(context.Background()); err != nil {
						b.Fatal(err)
					}
				}
				id := fmt.Sprintf("doc-%d", size-1)
				for b.Loop() {
					if err := coll.FindOne(context.Background(), bson.D{{Key: "_id", Value: id}}).Err(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestDeletedDocumentsLeaveTheFiles: a deleted document's text leaves the
// database file and the write-ahead log by itself, at the next scheduled
// checkpoint, with no call from the client.
func TestDeletedDocumentsLeaveTheFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s, err := Start(Config{Dir: dir, Addr: "127.0.0.1:0", IndexEvery: time.Hour, CheckpointEvery: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	client, err := mongo.Connect(options.Client().ApplyURI(s.URI()).SetTimeout(30 * time.Second))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = client.Disconnect(context.Background())
		if err := s.Stop(); err != nil {
			t.Error(err)
		}
	})
	ctx := context.Background()
	coll := client.Database("erasure").Collection("people")
	fill(t, coll, 20)
	marker := "deleted-marker-7c1f0e2a"
	if _, err := coll.InsertOne(ctx, bson.D{{Key: "_id", Value: "gone"}, {Key: "note", Value: marker}}); err != nil {
		t.Fatal(err)
	}
	if _, err := coll.DeleteOne(ctx, bson.D{{Key: "_id", Value: "gone"}}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for dirContains(t, dir, marker) {
		if time.Now().After(deadline) {
			t.Fatal("the deleted document's text is still in the files 10 s after its deletion")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// dirContains reports whether any file in dir holds text.
func dirContains(t *testing.T, dir, text string) bool {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte(text)) {
			return true
		}
	}
	return false
}
