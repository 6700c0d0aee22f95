package mongox

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestPendingIndexServesTheOutboxQuery: EnsureIndexes with PendingIndex
// succeeds on the test server and still creates the indexes beside it;
// the partial index exists on MongoDB (with the outbox query as its
// filter, and the planner choosing it) and is left out on FerretDB; and
// PendingFilter finds exactly the documents with something pending.
func TestPendingIndexServesTheOutboxQuery(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testkit.MongoDB(t)
	coll := db.Collection("outbox")
	for _, d := range []bson.D{
		{{Key: "_id", Value: "waiting"}, {Key: "pending_events", Value: bson.A{"e1", "e2"}}},
		{{Key: "_id", Value: "published"}, {Key: "pending_events", Value: bson.A{}}},
		{{Key: "_id", Value: "never"}},
	} {
		if _, err := coll.InsertOne(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	err := EnsureIndexes(ctx, coll,
		mongo.IndexModel{Keys: bson.D{{Key: "org_id", Value: 1}}, Options: options.Index().SetName("org")},
		PendingIndex("pending_events"),
		mongo.IndexModel{Keys: bson.D{{Key: "status", Value: 1}}, Options: options.Index().SetName("status")})
	if err != nil {
		t.Fatalf("ensure indexes with the partial one: %v", err)
	}
	server, err := DetectServer(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	indexes := listIndexes(t, coll)
	if indexes["org"] == nil || indexes["status"] == nil {
		t.Fatalf("the indexes beside the partial one are missing: %v", indexes)
	}
	partial, ok := indexes["pending_events_waiting"]
	switch {
	case server.FerretDB && ok:
		t.Fatalf("FerretDB lists a partial index it cannot build: %v", partial)
	case !server.FerretDB && !ok:
		t.Fatalf("no pending_events_waiting index on MongoDB: %v", indexes)
	case !server.FerretDB:
		want, _ := bson.Marshal(PendingFilter("pending_events"))
		if got := partial.Lookup("partialFilterExpression").Document(); !bytes.Equal(got, want) {
			t.Fatalf("partial filter %s, want the outbox query %s", got, bson.Raw(want))
		}
		assertPlanUses(t, db, "outbox", "pending_events_waiting")
	}

	cur, err := coll.Find(ctx, PendingFilter("pending_events"))
	if err != nil {
		t.Fatal(err)
	}
	var found []bson.M
	if err := cur.All(ctx, &found); err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 || found[0]["_id"] != "waiting" {
		t.Fatalf("the outbox query found %v, want only the document with pending events", found)
	}
}

// listIndexes returns the collection's indexes by name.
func listIndexes(t *testing.T, coll *mongo.Collection) map[string]bson.Raw {
	t.Helper()
	cur, err := coll.Indexes().List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var specs []bson.Raw
	if err := cur.All(context.Background(), &specs); err != nil {
		t.Fatal(err)
	}
	out := map[string]bson.Raw{}
	for _, s := range specs {
		out[s.Lookup("name").StringValue()] = s
	}
	return out
}

// assertPlanUses checks that MongoDB's planner answers the outbox query of
// coll with the named index.
func assertPlanUses(t *testing.T, db *mongo.Database, coll, index string) {
	t.Helper()
	var plan bson.Raw
	explain := bson.D{{Key: "explain", Value: bson.D{{Key: "find", Value: coll}, {Key: "filter", Value: PendingFilter("pending_events")}}}}
	if err := db.RunCommand(context.Background(), explain).Decode(&plan); err != nil {
		t.Fatal(err)
	}
	if winning := plan.Lookup("queryPlanner", "winningPlan").String(); !containsIndex(winning, index) {
		t.Fatalf("the planner does not use %s: %s", index, winning)
	}
}

// containsIndex reports whether an explained plan, as extended JSON, names
// index as the index of one of its stages.
func containsIndex(plan, index string) bool {
	return strings.Contains(plan, `"indexName": "`+index+`"`) || strings.Contains(plan, `"indexName":"`+index+`"`)
}

// TestPartialUnsupportedOnlyForPartialIndexes: only a partial index
// refused as not implemented is left out; any other refusal still fails
// the start.
func TestPartialUnsupportedOnlyForPartialIndexes(t *testing.T) {
	t.Parallel()
	refused := mongo.CommandError{Code: notImplemented, Message: `Index option "partialFilterExpression" is not implemented yet`}
	plain := mongo.IndexModel{Keys: bson.D{{Key: "org_id", Value: 1}}, Options: options.Index().SetName("org")}
	for _, c := range []struct {
		name  string
		model mongo.IndexModel
		err   error
		want  bool
	}{
		{"partial, not implemented", PendingIndex("pending_events"), refused, true},
		{"plain, not implemented", plain, refused, false},
		{"partial, conflicting options", PendingIndex("pending_events"), mongo.CommandError{Code: 85, Message: "IndexOptionsConflict"}, false},
		{"partial, no options", mongo.IndexModel{Keys: bson.D{{Key: "a", Value: 1}}}, refused, false},
	} {
		if got := partialUnsupported(c.model, c.err); got != c.want {
			t.Errorf("%s: left out %v, want %v", c.name, got, c.want)
		}
	}
}

// TestCompareIndexTableNamesBothGaps: an index the table lists for the
// service and collection passes; one it lists only for another service is
// undocumented; a row for an index the server lacks is unbuilt, unless it
// says the index is not built on FerretDB and the server is FerretDB.
func TestCompareIndexTableNamesBothGaps(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testkit.MongoDB(t)
	err := EnsureIndexes(ctx, db.Collection("roles"),
		mongo.IndexModel{Keys: bson.D{{Key: "employer_id", Value: 1}, {Key: "_id", Value: -1}}},
		mongo.IndexModel{Keys: bson.D{{Key: "status", Value: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	server, err := DetectServer(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	table := "| Service | Database | Collection | Index keys | Name / options |\n|---|---|---|---|---|\n" +
		"| employers | onward_employers | roles | `{employer_id: 1, _id: -1}` | |\n" +
		"| gateway | onward_gateway | roles | `{status: 1}` | |\n" +
		"| employers | onward_employers | roles | `{closing_date: 1}` | |\n" +
		"| employers | onward_employers | roles | `{pending_events.0: 1}` | partial (not on FerretDB) |\n"
	undocumented, unbuilt, err := CompareIndexTable(ctx, db, "employers", table)
	if err != nil {
		t.Fatal(err)
	}
	wantUnbuilt := []string{"roles {closing_date: 1}", "roles {pending_events.0: 1}"}
	if server.FerretDB {
		wantUnbuilt = wantUnbuilt[:1]
	}
	if strings.Join(undocumented, ";") != "roles {status: 1}" || strings.Join(unbuilt, ";") != strings.Join(wantUnbuilt, ";") {
		t.Fatalf("undocumented %q, unbuilt %q; want [roles {status: 1}] and %q", undocumented, unbuilt, wantUnbuilt)
	}
}
