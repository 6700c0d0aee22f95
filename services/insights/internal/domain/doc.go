// Package domain holds the insights service's pure logic: the funnel of
// steps a candidate goes through, the suppression engine that keeps small
// numbers from identifying anyone, the fairness comparison between groups,
// and the day histograms behind the medians. It knows nothing of HTTP,
// storage or streams, and it never sees a person: only counts.
//
// The order of work for a report is: build a Report of cells (counts) and
// sums (a total equals the sum of its parts), call Suppress, and then ask
// the Result before publishing anything derived from a count (a rate, a
// fairness comparison, a median), because what is derived from a hidden
// count is hidden too.
//
// The progress fold turns one candidate's facts (Progress) into the cells
// they add 1 to (ContributionsOf, keyed by Key), and two such sets into
// the increments and decrements to store (Diff); Erase moves a candidate's
// contributions to the anonymous totals. Contributions are a pure
// function of the facts and the time they are read at, which makes
// absorbing an event idempotent.
package domain
