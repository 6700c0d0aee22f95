#!/usr/bin/env bash
# Runs a command with REDIS_URL pointing at a real Redis. If REDIS_URL is
# already set it is used as is; otherwise a throwaway redis-server is started
# on a free loopback port, keeping nothing on disk, and stopped afterwards.
# Tests never depend on a server someone left running.
set -euo pipefail
if [ -n "${REDIS_URL:-}" ]; then exec "$@"; fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=""
for _ in $(seq 1 50); do
  candidate=$(( (RANDOM % 30000) + 20000 ))
  if port_free "$candidate"; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "no free port for redis-server" >&2; exit 1; }

dir=$(mktemp -d)
redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$dir" \
  --logfile "$dir/redis.log" --daemonize no &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT INT TERM
for _ in $(seq 1 100); do
  redis-cli -p "$port" ping >/dev/null 2>&1 && break
  sleep 0.1
done
redis-cli -p "$port" ping >/dev/null || { echo "redis-server did not start:" >&2; cat "$dir/redis.log" >&2; exit 1; }
echo "redis-server for this run on 127.0.0.1:$port" >&2
REDIS_URL="redis://127.0.0.1:$port/0" "$@"
