// Package engine is the matching engine: an in-memory index of consenting
// candidates and open roles, the deterministic scoring documented in
// docs/matching.md, explained shortlists (candidates for a role) and
// suggestions (roles for a candidate), and a brute-force reference scorer
// that the fast path must agree with exactly.
//
// The package is pure: no HTTP, no storage, no clock. Callers pass "today"
// as a Day. Every score is an integer, so the fast path and the reference
// agree to the last point, and ties are broken by a stable hash of the id,
// never by insertion order.
package engine
