// Package events moves domain events between Onward services over Redis
// Streams.
//
// A producer appends an [Envelope] to a stream with a [Publisher]; each
// consuming service reads that stream through its own consumer group with a
// [Subscriber]. One stream carries one event family (for example
// "candidates.events"), and its dead letters go to "{<stream>}.dead".
//
// Delivery is at least once. An entry is acknowledged only after the
// [Handler] returns nil, so a crash or a handler error leaves it pending and
// another consumer of the same group claims it back once it has been idle for
// ClaimMinIdle. After MaxDeliveries failed deliveries, or at once when the
// envelope cannot be decoded, the entry is copied to the dead-letter stream
// and acknowledged, so one bad event never blocks the group.
//
// Each group also remembers the event ids it has processed (a Redis key per
// id, kept for DedupTTL) and acknowledges a repeated id without calling the
// handler. That de-duplication is best effort: two consumers may race on the
// same id, and the memory expires. Handlers must therefore be idempotent.
//
// A consumer that must absorb a busy stream uses [NewBatchSubscriber]
// instead: its [BatchHandler] receives each read whole (up to Batch events),
// and the batch is checked against the dedup keys, marked and acknowledged in
// one round trip each. The rules stay those above, per event: a batch is
// acknowledged only after its handler returns nil, and a failed batch is
// handled again one event at a time, so one bad event is dead-lettered alone
// while the others are acknowledged.
//
// Every key derived from a stream (its dead-letter stream, its groups'
// dedup keys) carries the stream's name as a Redis Cluster hash tag
// ([SlotTag]), so a stream and its companions share one slot, and each
// read names one stream: the package runs unchanged on one Redis node, on
// Sentinel, or on a Redis Cluster.
//
// Envelopes carry identifiers only. A consumer that needs details fetches them
// from the owning service, which keeps personal data out of Redis, out of the
// dead-letter stream and out of the logs.
package events
