// Package results keeps the stored results of matching in step with the
// in-memory index: the top 100 of each open role's shortlist and the top 50
// suggestions of each candidate, every entry with its structured explanation
// and, for shortlists, the pseudonymous card an employer sees.
//
// The data flow calls the Results port once per change, after its index
// holds the change. A role change rescores that role and queues it for
// the background worker, which rewrites the suggestions it enters, moves
// within or leaves. A candidate change scores the candidate against every
// open role and rewrites only the shortlists it enters, moves within or
// leaves, deciding "enters" against each role's cut-off (the 100th entry)
// kept in memory. Withdrawal and erasure take the candidate out of every
// stored shortlist, refilled from the index, and delete its suggestions.
//
// Which stored lists hold which ids is kept in memory too (membership.go):
// FerretDB v1 answers a query by list member by reading every list. It is
// loaded at start, updated on every write this instance makes and
// reloaded periodically for other instances' writes; a removal also asks
// the store, so it never misses a copy.
//
// Each write also compares the list's full matches with the record of them
// kept in the store (fulltrack.go) and tells the Announcer, best effort,
// when the list gained one it did not hold: the gain is what notifications
// announce as new matches.
//
// Each shortlist write also records, for every candidate on it without
// one, the first time a stored shortlist held them (firsts.go,
// shortlisted.go): what insights counts as "shortlisted". The ids already
// recorded are kept in memory, so a rewrite of known candidates costs no
// query; an erasure forgets the record (CandidateErased).
package results
