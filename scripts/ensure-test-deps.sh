#!/usr/bin/env bash
# Installs what the tests need when it is missing: redis-server (the real
# Redis the tests talk to), chromium (the browser tests), poppler-utils
# (pdftotext and pdfinfo, which read the printable portfolio back) and npm
# from Debian's packages, then axe-core (the accessibility engine the browser
# test injects into every page) from the npm registry, at the version
# tools/axe/package-lock.json pins, and last Mailpit (the mail catcher the
# notification tests send to, built once per machine by
# scripts/build-mailpit.sh). Needs root for apt-get; without it, it says
# what to install.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -x /usr/bin/chromium ] || need+=(chromium fonts-dejavu-core)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing: ${need[*]}; install them with: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  echo "installing ${need[*]} from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# axe-core, exactly as the lock file pins it; installed again whenever the
# lock file changed since the last install.
axe="$root/tools/axe"
stamp="$axe/node_modules/.package-lock.json"
if [ ! -f "$axe/node_modules/axe-core/axe.min.js" ] || [ "$axe/package-lock.json" -nt "$stamp" ]; then
  echo "installing axe-core into tools/axe/node_modules (npm ci)" >&2
  npm ci --prefix "$axe" --ignore-scripts --no-audit --no-fund --silent
fi

# Mailpit, the mail catcher of the notification tests, built once into the
# cache pkg/testkit reads, so no test spends minutes building it.
"$root/scripts/build-mailpit.sh"
