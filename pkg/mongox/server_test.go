package mongox

import (
	"context"
	"os"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/pkg/testkit"
)

func TestDetectServerKnowsTheTestServer(t *testing.T) {
	t.Parallel()
	s, err := DetectServer(context.Background(), testkit.MongoDB(t))
	if err != nil {
		t.Fatal(err)
	}
	// The tests run on the embedded FerretDB unless TEST_MONGO_URI names
	// another server.
	if want := os.Getenv("TEST_MONGO_URI") == ""; s.FerretDB != want {
		t.Fatalf("FerretDB = %t, want %t", s.FerretDB, want)
	}
}

func TestVersionedFilterChecksTheVersionOnMongoDBOnly(t *testing.T) {
	t.Parallel()
	mongo := Server{}.VersionedFilter("c1", 4)
	if want := (bson.D{{Key: "_id", Value: "c1"}, {Key: "version", Value: int64(4)}}); !equalD(mongo, want) {
		t.Fatalf("on MongoDB: %v, want %v", mongo, want)
	}
	ferret := Server{FerretDB: true}.VersionedFilter("c1", 4)
	if want := (bson.D{{Key: "_id", Value: "c1"}}); !equalD(ferret, want) {
		t.Fatalf("on FerretDB: %v, want %v", ferret, want)
	}
}

func equalD(a, b bson.D) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Key != b[i].Key || a[i].Value != b[i].Value {
			return false
		}
	}
	return true
}
