#!/usr/bin/env bash
# Tests each module given as an argument with the race detector. Every
# module runs even if an earlier one fails; the exit status reports any
# failure. Test artefacts (browser screenshots) go to ARTIFACTS_DIR.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export ARTIFACTS_DIR=${ARTIFACTS_DIR:-$root/artifacts}
mkdir -p "$ARTIFACTS_DIR"
failed=()
for m in "$@"; do
  echo "=== go test -race $m"
  (cd "$root/$m" && go test -race -count=1 -timeout 40m ./...) || failed+=("$m")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED modules: ${failed[*]}"
  exit 1
fi
echo "all modules passed"
