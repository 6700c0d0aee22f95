// Package feed keeps the matching engine's in-memory index in step with the
// services that own candidates and roles. Redis is never the source of
// truth: events only say that something changed, and the feed fetches the
// current state from the owner.
//
// Each instance of the matching service runs one Feed:
//
//   - At start it creates consumer groups of its own on the candidates and
//     roles streams (at the streams' ends), then loads every candidate and
//     every role from the owners' bulk pages, and only then reports ready.
//     Events published during the load wait in its own groups, which were
//     created before the load began, so none is missed.
//   - Its own groups ("matching-index-<instance>") deliver every event to
//     this instance, which fetches the changed aggregate and applies it.
//     Every instance therefore keeps the full index.
//   - The shared group ("matching") delivers each event to one instance,
//     which first makes sure its own index holds at least the event's
//     version (applying it itself when its own group has not yet) and then
//     calls Results, so shortlists and suggestions are recomputed once per
//     change across all instances.
//   - A reconciliation every interval compares versions with the owners,
//     fetches what is missing or stale, removes what the owner no longer
//     has and tells Results, so a lost event heals by itself.
//
// Every write to the index goes through a version check under a per-id
// lock, so applying the same or an older version twice changes nothing and
// the three paths may race freely. An erased or vanished aggregate leaves a
// tombstone until the next reconciliation, so a fetch that started before
// the erasure cannot bring it back.
//
// Unknown event types and malformed envelopes are dead-lettered to
// "{<stream>}.dead" by pkg/events (an unknown type after MaxDeliveries) and
// never stop a consumer.
package feed
