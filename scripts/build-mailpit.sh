#!/usr/bin/env bash
# Builds Mailpit, the mail catcher the tests send to, once per machine into
# the cache pkg/testkit's MailpitBinary reads (<user cache>/onward/mailpit/<version>/mailpit),
# at the version pkg/mailpit pins, with the same command: `go install` outside
# the workspace, into a temporary GOBIN, renamed into place under the same
# file lock, so it never races a test building it too. Idempotent: instant
# once built. `--print-path` prints where the binary goes and builds nothing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^const Version = "\(v[^"]*\)"$/\1/p' "$root/pkg/mailpit/client.go")
module=$(sed -n 's/^const Module = "\([^"]*\)"$/\1/p' "$root/pkg/mailpit/client.go")
if [ -z "$version" ] || [ -z "$module" ]; then
  echo "build-mailpit: cannot read Version and Module from pkg/mailpit/client.go" >&2
  exit 1
fi
# os.UserCacheDir: $XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS.
case "$(uname -s)" in
  Darwin) cache="$HOME/Library/Caches" ;;
  *) cache="${XDG_CACHE_HOME:-$HOME/.cache}" ;;
esac
dir="$cache/onward/mailpit/$version"
bin="$dir/mailpit"
if [ "${1:-}" = "--print-path" ]; then
  echo "$bin"
  exit 0
fi
[ -x "$bin" ] && exit 0
mkdir -p "$dir"
exec 9>"$dir/.lock"
flock 9
[ -x "$bin" ] && exit 0 # built by a test while this waited
gobin=$(mktemp -d "$dir/build-XXXXXX")
trap 'rm -rf "$gobin"' EXIT
echo "building Mailpit $version once for this machine into $dir (a few minutes the first time)" >&2
(cd "$gobin" && GOBIN="$gobin" GOFLAGS=-mod=mod GOWORK=off GOTOOLCHAIN=local go install "$module@$version")
mv "$gobin/mailpit" "$bin"
