// Package report turns the counts of one scope and range of whole months
// into what the outcomes report publishes: the funnel, the retention, the
// medians, the trends, the fairness comparison and, for the platform, the
// per-employer table. It is pure: no HTTP, no storage.
//
// Every table any view of a period can show is one domain.Report,
// suppressed once (docs/insights.md, "One suppression for all views of a
// period"): the cohort view summed over the range for the total and every
// group of every dimension, and the activity view per month for the total
// and, in an organisation's scope, for each programme. Build does the
// suppression; Suppressed.Model then picks the tables one request asks for
// (a group_by, a programme) without suppressing again, so two requests
// over the same period can never be subtracted from each other to reveal
// what either hides.
package report
