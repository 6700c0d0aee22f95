#!/usr/bin/env bash
# Tests each module given as an argument with the race detector. Every
# module runs even if an earlier one fails; the exit status reports any
# failure. Test artefacts (browser screenshots) go to ARTIFACTS_DIR.
#
# A few whole-platform scenarios run once without the race detector
# instead (norace below): they drive hundreds of requests through ten
# services in one process, which the detector slows past the package's
# time limit, while the code they exercise runs under it in the modules'
# own tests and the other platform tests. They are run, never skipped.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export ARTIFACTS_DIR=${ARTIFACTS_DIR:-$root/artifacts}
mkdir -p "$ARTIFACTS_DIR"
# norace maps a module to the tests (a go test -run pattern) it runs
# without the race detector.
declare -A norace=(
  [deploy/local]='^TestOutcomesReportMatchesTheTestsOwnRecord$'
)
failed=()
for m in "$@"; do
  key=${m#./}
  slow=${norace[$key]:-}
  echo "=== go test -race $m"
  if [ -z "$slow" ]; then
    (cd "$root/$m" && go test -race -count=1 -timeout 40m ./...) || failed+=("$m")
    continue
  fi
  (cd "$root/$m" && go test -race -count=1 -timeout 40m -skip "$slow" ./...) || failed+=("$m")
  echo "=== go test $m -run $slow (without the race detector)"
  (cd "$root/$m" && go test -count=1 -timeout 20m -run "$slow" ./...) || failed+=("$m ($slow)")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED modules: ${failed[*]}"
  exit 1
fi
echo "all modules passed"
