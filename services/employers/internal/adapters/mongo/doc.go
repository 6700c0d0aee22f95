// Package mongo stores employer profiles and roles in MongoDB (or FerretDB
// v1). Each write is one single-document operation that also appends the
// event it causes to the document's pending_events array: an outbox that
// needs no multi-document transaction, so a failed write leaves no event and
// a successful one cannot lose its event.
//
// Pending events are stored as their JSON text, so one can be removed with a
// plain $pull of an exact value, which FerretDB v1 supports.
package mongo
