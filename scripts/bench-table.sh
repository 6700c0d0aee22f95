#!/usr/bin/env bash
# Prints the matching engine's benchmark results against the targets of
# issue 6, and the insights service's against those of issue 15, as a
# markdown table: metric | target | measured | ok.
#
#   scripts/bench-table.sh FILE   read `go test -bench` output from FILE
#   scripts/bench-table.sh        run the matching benchmarks on one core first
#
# With -count N a metric is the median of its N runs. BENCH_STRICT=1 makes a
# missed or missing target fail the script; by default it only reports.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

if [ $# -ge 1 ]; then
  out=$1
else
  out=$(mktemp)
  trap 'rm -f "$out"' EXIT
  (cd "$root/services/matching" && go test -run '^$' -cpu 1 -count "${BENCH_COUNT:-1}" -benchmem \
    -bench '^Benchmark(ShortlistTop50_1M|SuggestionsTop20_100k|IndexBuild_1M)$' \
    ./internal/engine/enginegen/) | tee "$out"
fi

# Benchmark lines read "BenchmarkName[-P]  N  value unit  value unit ...".
# The -P suffix names GOMAXPROCS when it is not 1.
awk -v strict="${BENCH_STRICT:-0}" '
function median(key,    n, i, j, t, v) {
  n = count[key]
  if (n == 0) return ""
  for (i = 1; i <= n; i++) v[i] = vals[key, i]
  for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j-1] > v[j]; j--) { t = v[j]; v[j] = v[j-1]; v[j-1] = t }
  return (n % 2) ? v[(n+1)/2] : (v[n/2] + v[n/2+1]) / 2
}
# row prints a metric whose target is a ceiling; atleast, one whose target
# is a floor (at least).
function row(label, bench, unit, target, fmt) { check(label, bench, unit, target, fmt, "≤") }
function atleast(label, bench, unit, target, fmt) { check(label, bench, unit, target, fmt, "≥") }
function check(label, bench, unit, target, fmt, cmp,    key, m, ok) {
  key = bench SUBSEP unit
  m = median(key)
  if (m == "") { printf "| %s | %s %s | missing | no |\n", label, cmp, target; failed = 1; return }
  ok = ((cmp == "≤" && m + 0 <= target + 0) || (cmp == "≥" && m + 0 >= target + 0)) ? "yes" : "no"
  if (ok == "no") failed = 1
  printf "| %s | %s %s | " fmt " | %s |\n", label, cmp, target, m, ok
}
/^Benchmark/ {
  name = $1
  if (name ~ /-[0-9]+$/) { procs = name; sub(/.*-/, "", procs); sub(/-[0-9]+$/, "", name) } else procs = 1
  if (procs != 1) multi[name] = procs
  for (i = 4; i <= NF; i += 2) { key = name SUBSEP $i; vals[key, ++count[key]] = $(i-1) }
}
END {
  print "| metric | target | measured | ok |"
  print "|---|---|---|---|"
  row("shortlist top-50 over 1M candidates, p50 (ms)", "BenchmarkShortlistTop50_1M", "p50-ms", 5, "%.2f")
  row("shortlist top-50 over 1M candidates, p99 (ms)", "BenchmarkShortlistTop50_1M", "p99-ms", 10, "%.2f")
  row("suggestions top-20 over 100k roles, p50 (ms)", "BenchmarkSuggestionsTop20_100k", "p50-ms", 5, "%.2f")
  row("index heap per candidate at 1M (bytes)", "BenchmarkIndexBuild_1M", "B/candidate", 200, "%.0f")
  row("index build, 1M candidates (s)", "BenchmarkIndexBuild_1M", "build-s", 10, "%.2f")
  if (count["BenchmarkRoleToShortlistThroughTheStack" SUBSEP "p99-ms"] > 0)
  {
    row("role change to readable shortlist, whole stack, 20k candidates, p99 of the worst run (ms)", "BenchmarkRoleToShortlistThroughTheStack", "p99-ms", 150, "%.0f")
    row("role change to readable shortlist, whole stack, runs with a failed change", "BenchmarkRoleToShortlistThroughTheStack", "failed-runs", 0, "%.0f")
  }
  if (count["BenchmarkAbsorb" SUBSEP "events/s"] > 0) {
    row("insights report, platform, 1M candidates, 60 months, p99 (ms)", "BenchmarkReport/platform-60-months", "p99-ms", 100, "%.1f")
    row("insights report, one organisation, 12 months, p99 (ms)", "BenchmarkReport/organisation-12-months", "p99-ms", 100, "%.1f")
    atleast("insights absorbing events, batches of 500 registering 200 (events/s)", "BenchmarkAbsorb", "events/s", 5000, "%.0f")
    atleast("insights absorbing events about stored candidates, batches of 500 (events/s)", "BenchmarkAbsorbKnown", "events/s", 5000, "%.0f")
  }
  delete multi["BenchmarkRoleToShortlistThroughTheStack"]
  for (n in multi) printf "\nnote: %s ran with GOMAXPROCS=%s; the targets are for one core (-cpu 1)\n", n, multi[n]
  if (strict == 1 && failed) exit 1
}' "$out"
