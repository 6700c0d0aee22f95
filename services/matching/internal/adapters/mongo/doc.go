// Package mongo stores the matching service's results in MongoDB (or
// FerretDB v1): one shortlist document per open role and one suggestions
// document per candidate. Every write replaces a whole document, which
// FerretDB v1 handles reliably where a conditional $pull does not; the
// caller holds the document's lock (package results) so two instances never
// interleave a read-modify-write.
//
// Documents carry identifiers, scores and the pseudonymous card, never a
// name, contact detail or house. candidate_id in shortlist entries exists
// so a withdrawal or erasure finds every list that holds a candidate (it is
// indexed); it is never returned to an employer.
package mongo
