// Package mongo stores the candidates service's data in MongoDB (or
// FerretDB v1): candidates, programmes, the audit log, organisation keys
// and the tombstones of erased candidates.
//
// Identity fields are sealed field by field with a sealed.Keyring before
// they reach the database, bound to the candidate id and field name, so a
// database dump names no one and a sealed value cannot be moved to another
// record. Names are searched through a blind index: keyed hashes of word
// prefixes, which match a query without storing the words.
//
// Each write of a candidate is one single-document operation that also
// appends the event it causes (pending_events) and the audit entry that
// records it (pending_audit): an outbox without multi-document
// transactions. Both are stored as exact text, so one can be removed with a
// plain $pull of that value; FerretDB v1 ignores $pull conditions.
//
// FerretDB v1 applies an update by reading the document and writing it back
// whole, so every change to an existing candidate holds that document's
// lock (see package redislock).
package mongo
