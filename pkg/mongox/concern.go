package mongox

import (
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"go.mongodb.org/mongo-driver/v2/mongo/readconcern"
	"go.mongodb.org/mongo-driver/v2/mongo/writeconcern"
)

// clientOptions are the options of every service's client.
//
// Every service's documents are the source of truth for what they hold, so
// a write is acknowledged only once a majority of a replica set's members
// have it in their journals (w: "majority", j: true): a write the API has
// answered for cannot be rolled back by a failover. Reads use read concern
// "majority", so nothing that could still be rolled back is read, published
// or computed on. Retryable writes let the driver repeat a single-document
// write once across a primary's step-down or a dropped connection, and the
// server, which remembers the write's transaction number, applies it only
// once; retryable reads do the same for reads. Multi-document writes
// (UpdateMany, DeleteMany) are not retried by the driver; the services
// write those only where repeating them is harmless.
//
// These are defaults: the URI is applied after them, so an operator's
// w=, journal=, readConcernLevel= or retryWrites= wins (the driver replaces
// the whole write concern when the URI names w or journal). On a standalone
// server and on FerretDB the concerns are accepted and have nothing to wait
// for, and the driver sends no transaction number, which it does only to a
// replica set or mongos that reports sessions.
func clientOptions(uri string) *options.ClientOptions {
	return options.Client().
		SetWriteConcern(SourceOfTruthWrites()).
		SetReadConcern(readconcern.Majority()).
		SetRetryWrites(true).
		SetRetryReads(true).
		ApplyURI(uri).
		SetConnectTimeout(10 * time.Second).
		SetServerSelectionTimeout(10 * time.Second).
		SetTimeout(15 * time.Second)
}

// SourceOfTruthWrites is the write concern of every service's writes:
// acknowledged by a majority of the replica set, each in its journal.
func SourceOfTruthWrites() *writeconcern.WriteConcern {
	journaled := true
	return &writeconcern.WriteConcern{W: "majority", Journal: &journaled}
}
