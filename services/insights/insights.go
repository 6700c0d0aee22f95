// Package insights is the Onward outcomes and fairness read model: what
// happened to the people a programme registered (shortlists, requests to
// meet, hires and whether they kept the job), counted by month and by
// dimension, and whether the platform treats every group alike. Its
// published counts never identify a person: small numbers are suppressed,
// and so is any second number that would let a reader work one out.
//
// For now the module holds only the pure logic, in internal/domain: the
// funnel, the suppression engine, the fairness comparison and the
// day histograms behind the medians. The service itself (event consumers,
// the pre-aggregated store, the report API and its pages) comes next.
package insights
