// Package loadtest drives a mixed, seeded workload through the platform's
// public entry (the gateway's /api/v1) at stepped rates and reports, per
// step and per operation, the throughput, the p50/p95/p99 latencies, the
// errors by status, and the CPU seconds the platform spent per 1,000
// requests of each kind: the figures docs/deployment.md ("Sizing: what a
// load needs") turns into cores, memory and store capacity. `make loadtest`
// runs it; it is not part of `make test`.
//
// How a run goes, for each store setting (the embedded FerretDB and
// miniredis, then a real Redis named by REDIS_URL):
//
//  1. The platform (bin/onward-local) starts as a child process on free
//     loopback ports, so its CPU (/proc/<pid>/stat, with any live children)
//     is told apart from the load generator's. It is killed when the run
//     ends, also on Ctrl-C.
//  2. A fixed seed makes the world: programme organisations with staff,
//     consenting candidates with attested skills, verified employers with
//     open roles, all through the API. The world's ids are kept in
//     seed.json in the data directory, so a later run with the same
//     directory and sizes signs in again instead of seeding anew.
//  3. The idle CPU rate is measured, then each operation alone for a few
//     seconds (the CPU per 1,000 requests of that kind, idle subtracted,
//     the asynchronous work a write causes included by waiting a moment
//     after the step).
//  4. The mixed workload runs at each rate of -rates, then shortlist reads
//     alone at -shortlist-rate (the acceptance figure).
//
// The default mix (see DefaultMix) is what a busy platform's traffic looks
// like: employers mostly read their shortlists, staff read suggestions and
// keep records current, roles and candidates are added now and then. The
// target must be a loopback address: the tool refuses any other.
package loadtest
