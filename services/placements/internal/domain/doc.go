// Package domain holds the placements service's entities and rules:
// introductions and their state machine, messages, placements and their
// follow-ups. It knows nothing of HTTP, storage or streams, and it never
// holds a candidate's identity: candidates are known by id only.
package domain
