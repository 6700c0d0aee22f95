package mongox

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// Server says which Mongo-wire server a service talks to, where the two
// differ in a way the adapters must know.
type Server struct {
	// FerretDB is true for FerretDB v1, false for MongoDB.
	FerretDB bool
}

// DetectServer asks the server: FerretDB adds ferretdbVersion to its
// buildInfo answer.
func DetectServer(ctx context.Context, db *mongo.Database) (Server, error) {
	var info bson.M
	if err := db.RunCommand(ctx, bson.D{{Key: "buildInfo", Value: 1}}).Decode(&info); err != nil {
		return Server{}, fmt.Errorf("mongo buildInfo: %w", err)
	}
	_, ferret := info["ferretdbVersion"]
	return Server{FerretDB: ferret}, nil
}

// VersionedFilter is the filter of a write to document id that must still
// be at version prev. The caller holds the document's write lock (package
// redislock) and has read version prev under it.
//
// On MongoDB it is {_id, version}: the server checks the version and writes
// in one atomic step, which also covers a lock that expired mid-write. On
// FerretDB v1 it is {_id} alone. FerretDB applies neither filter
// atomically (it reads, compares and writes back, which is why the lock
// exists), so the version adds no safety there; and it looks a document up
// by _id only when _id is the whole filter, decoding every document of the
// collection otherwise (60 µs each: over a second per write at 20,000
// candidates).
func (s Server) VersionedFilter(id string, prev int64) bson.D {
	if s.FerretDB {
		return bson.D{{Key: "_id", Value: id}}
	}
	return bson.D{{Key: "_id", Value: id}, {Key: "version", Value: prev}}
}
