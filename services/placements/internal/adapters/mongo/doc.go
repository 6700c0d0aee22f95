// Package mongo stores the placements service's introductions, their open
// slots, messages, placements and follow-ups, with the events each write
// owes kept in the written document (the outbox). It holds ids only, never
// a candidate's identity.
//
// FerretDB v1 applies an update by reading and writing back the whole
// document, so every update of an existing document holds that document's
// Redis lock (package redislock) and checks its version under it. The
// rule of one open request per role and candidate is an insert into
// open_requests, whose _id is the pair: the server refuses the second,
// whoever races. The cap of open requests per role is counted under the
// role's lock.
package mongo
