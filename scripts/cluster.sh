#!/usr/bin/env bash
# Two OcopFairs nodes on one machine and one PostgreSQL, forming one Orleans cluster:
#   node 1: http://localhost:5080 (silo 11111, gateway 30000), seeds the demo data
#   node 2: http://localhost:5081 (silo 11112, gateway 30001)
# A browser on node 2 sees booth changes made through node 1: events cross nodes through Orleans.
# Ctrl-C stops both nodes (and PostgreSQL, if this script started it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"

DB="${OCOP_DB:-ocopfairs}"
ensure_tools
if [ -z "${ConnectionStrings__OcopFairs:-}" ]; then
  start_postgres
  "$ROOT/scripts/pg.sh" createdb "$DB"
  export ConnectionStrings__OcopFairs="$("$ROOT/scripts/pg.sh" url "$DB")"
fi
[ "${SKIP_BUILD:-0}" = 1 ] || { build_web; build_dotnet; }

PIDS=()
cleanup() {
  trap - INT TERM EXIT
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  stop_postgres_if_started
}
trap cleanup INT TERM EXIT

start_node() {
  local n="$1" http="$2" silo="$3" gateway="$4" seed="$5"
  (cd "$ROOT/src/OcopFairs.Server" && \
    Urls="http://localhost:$http" Orleans__SiloPort="$silo" Orleans__GatewayPort="$gateway" Demo__Seed="$seed" \
    Logging__Console__FormatterName=simple dotnet "$SERVER_DLL" 2>&1 | sed -u "s/^/[node$n] /") &
  PIDS+=("$!")
}

wait_ready() {
  for _ in $(seq 1 120); do
    curl -fs "http://localhost:$1/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "node on port $1 did not become ready" >&2
  return 1
}

step "Starting node 1 (5080) and node 2 (5081)"
start_node 1 5080 11111 30000 true
wait_ready 5080
start_node 2 5081 11112 30001 false
wait_ready 5081
echo
echo "Cluster ready: http://localhost:5080 and http://localhost:5081 (one Orleans cluster). Ctrl-C stops both."
wait
