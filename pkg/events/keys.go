package events

import "strings"

// SlotTag returns the prefix that places a key in the same Redis Cluster
// hash slot as stream: the stream's name in braces ("{candidates.events}"),
// or the stream's name itself when it already carries a hash tag. A
// cluster hashes only the text between the first "{" and the next "}", so
// every key built on this prefix lives with the stream, its consumer
// groups and its pending lists on one node. That lets one MULTI/EXEC move
// an entry to the dead-letter stream and acknowledge it, and lets a batch's
// dedup checks and marks travel in one round trip to one node. A stream
// whose name holds a "}" needs a hash tag of its own ("{x}y", not "x{}y"),
// since no tag can hold the brace.
func SlotTag(stream string) string {
	if open := strings.IndexByte(stream, '{'); open >= 0 {
		if end := strings.IndexByte(stream[open+1:], '}'); end > 0 {
			return stream
		}
	}
	return "{" + stream + "}"
}

// DeadLetterStream returns the name of stream's dead-letter stream,
// "{<stream>}.dead", which shares the stream's cluster slot. All groups of
// a stream share it, and it is never trimmed automatically: dead letters
// wait there for someone to inspect, replay or delete them.
func DeadLetterStream(stream string) string { return SlotTag(stream) + DeadLetterSuffix }

// DedupKey returns the key by which group remembers that it processed
// eventID from stream. It is per group, because every group must process
// each event once, and it shares the stream's cluster slot.
func DedupKey(stream, group, eventID string) string {
	return "dedup:" + SlotTag(stream) + ":" + group + ":" + eventID
}
