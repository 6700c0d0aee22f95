package mongox

import (
	"context"
	"sync"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/event"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/onward-jobs/onward/pkg/testkit"
)

// sentCommands records the commands a client sends, by name.
type sentCommands struct {
	mu   sync.Mutex
	sent map[string][]bson.Raw
}

func (s *sentCommands) monitor() *event.CommandMonitor {
	return &event.CommandMonitor{Started: func(_ context.Context, e *event.CommandStartedEvent) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.sent[e.CommandName] = append(s.sent[e.CommandName], e.Command)
	}}
}

func (s *sentCommands) last(t *testing.T, name string) bson.Raw {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.sent[name]) == 0 {
		t.Fatalf("no %s command was sent", name)
	}
	return s.sent[name][len(s.sent[name])-1]
}

// TestServiceClientWritesAndReadsWithMajority: the client every service
// gets from Connect sends its writes with write concern majority,
// journaled, and its reads with read concern majority, and the embedded
// FerretDB accepts both, so writes and reads still work there.
func TestServiceClientWritesAndReadsWithMajority(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	uri := testkit.MongoURI(t)
	opts := clientOptions(uri)
	if opts.RetryWrites == nil || !*opts.RetryWrites {
		t.Fatalf("retryable writes are off: %v", opts.RetryWrites)
	}
	sent := &sentCommands{sent: map[string][]bson.Raw{}}
	client, err := mongo.Connect(opts.SetMonitor(sent.monitor()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = client.Disconnect(context.Background()) })
	db := client.Database(testkit.UniqueName(t, ""))
	t.Cleanup(func() { _ = db.Drop(context.Background()) })
	coll := db.Collection("docs")

	if _, err := coll.InsertOne(ctx, doc{ID: "d1", Org: "a"}); err != nil {
		t.Fatalf("insert with majority write concern: %v", err)
	}
	if _, err := coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: "d1"}}, bson.D{{Key: "$set", Value: bson.D{{Key: "org", Value: "b"}}}}); err != nil {
		t.Fatalf("update with majority write concern: %v", err)
	}
	var got doc
	if err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: "d1"}}).Decode(&got); err != nil || got.Org != "b" {
		t.Fatalf("read with majority read concern: %+v, %v", got, err)
	}

	for _, name := range []string{"insert", "update"} {
		wc, ok := sent.last(t, name).Lookup("writeConcern").DocumentOK()
		if !ok {
			t.Fatalf("%s sent without a write concern", name)
		}
		if w, _ := wc.Lookup("w").StringValueOK(); w != "majority" {
			t.Errorf("%s sent write concern %s, want w: majority", name, wc)
		}
		if j, _ := wc.Lookup("j").BooleanOK(); !j {
			t.Errorf("%s sent write concern %s, want j: true", name, wc)
		}
	}
	rc, ok := sent.last(t, "find").Lookup("readConcern").DocumentOK()
	if level, _ := rc.Lookup("level").StringValueOK(); !ok || level != "majority" {
		t.Errorf("find sent read concern %s, want level majority", rc)
	}
}

// TestFerretDBAcceptsRetryableWriteFields: a driver talking to a replica
// set sends each retryable write with its session and transaction number;
// FerretDB must take such a write rather than refuse it, should it ever
// present itself as one.
func TestFerretDBAcceptsRetryableWriteFields(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testkit.MongoDB(t)
	insert := bson.D{
		{Key: "insert", Value: "docs"},
		{Key: "documents", Value: bson.A{bson.D{{Key: "_id", Value: "d1"}}}},
		{Key: "txnNumber", Value: int64(1)},
		{Key: "writeConcern", Value: bson.D{{Key: "w", Value: "majority"}, {Key: "j", Value: true}}},
	}
	if err := db.RunCommand(ctx, insert).Err(); err != nil {
		t.Fatalf("insert with a transaction number: %v", err)
	}
	if n, err := db.Collection("docs").CountDocuments(ctx, bson.D{}); err != nil || n != 1 {
		t.Fatalf("documents after the insert: %d, %v", n, err)
	}
}

// TestURIConcernsWin: an operator's connection string that names its own
// write concern, read concern or retry setting overrides the defaults, and
// one that names none gets them.
func TestURIConcernsWin(t *testing.T) {
	t.Parallel()
	plain := clientOptions("mongodb://db-0.example:27017,db-1.example:27017/?replicaSet=rs0")
	if plain.WriteConcern == nil || plain.ReadConcern == nil || plain.RetryWrites == nil || plain.RetryReads == nil {
		t.Fatalf("defaults missing: write %+v, read %+v, retry writes %v, retry reads %v", plain.WriteConcern, plain.ReadConcern, plain.RetryWrites, plain.RetryReads)
	}
	if plain.WriteConcern.W != "majority" || plain.WriteConcern.Journal == nil || !*plain.WriteConcern.Journal ||
		plain.ReadConcern.Level != "majority" || !*plain.RetryWrites || !*plain.RetryReads {
		t.Fatalf("defaults: write %+v, read %+v, retry writes %v", plain.WriteConcern, plain.ReadConcern, *plain.RetryWrites)
	}
	own := clientOptions("mongodb://db-0.example:27017/?replicaSet=rs0&w=2&readConcernLevel=local&retryWrites=false")
	if own.WriteConcern.W != 2 || own.WriteConcern.Journal != nil || own.ReadConcern.Level != "local" || *own.RetryWrites {
		t.Fatalf("the URI's own concerns: write %+v, read %+v, retry writes %v", own.WriteConcern, own.ReadConcern, *own.RetryWrites)
	}
}
