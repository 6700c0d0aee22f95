package mongox

import (
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// PendingFilter finds the documents whose array field holds at least one
// value: the outbox query of pending_events (and of the candidates'
// pending_audit), which a relay runs every few seconds on every collection
// that carries one.
func PendingFilter(field string) bson.D {
	return bson.D{{Key: field + ".0", Value: bson.D{{Key: "$exists", Value: true}}}}
}

// PendingIndex is the partial index that answers PendingFilter(field): it
// holds only the documents with something pending, which are few and
// short-lived, so the relay reads a handful of index entries instead of
// scanning a collection of millions, and the index costs nothing for the
// rest. Its key is the filter's own path and its partialFilterExpression is
// the filter itself, so MongoDB's planner sees the query as covered by the
// index's filter and uses it.
//
// FerretDB v1 does not implement partial indexes; EnsureIndexes leaves this
// one out there (FerretDB pushes no such filter down to SQLite, so an index
// would only slow writes).
func PendingIndex(field string) mongo.IndexModel {
	return mongo.IndexModel{
		Keys:    bson.D{{Key: field + ".0", Value: 1}},
		Options: options.Index().SetName(field + "_waiting").SetPartialFilterExpression(PendingFilter(field)),
	}
}

// notImplemented is the code of a server's answer that it lacks a feature
// (FerretDB's answer to partialFilterExpression).
const notImplemented = 238

// partialUnsupported reports whether err is the server refusing model
// because it cannot build partial indexes, which only a server lacking the
// feature answers: MongoDB has had them since 3.2.
func partialUnsupported(model mongo.IndexModel, err error) bool {
	var se mongo.ServerError
	if model.Options == nil || !errors.As(err, &se) || !se.HasErrorCode(notImplemented) {
		return false
	}
	var opts options.IndexOptions
	for _, set := range model.Options.List() {
		if set(&opts) != nil {
			return false
		}
	}
	return opts.PartialFilterExpression != nil
}
