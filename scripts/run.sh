#!/usr/bin/env bash
# Runs OcopFairs with Hoa Binh demo data on http://localhost:5080. Ctrl-C stops everything this script started.
# Environment: OCOP_PORT (default 5080), OCOP_PG_PORT (default 55432), OCOP_DB (default ocopfairs),
# ConnectionStrings__OcopFairs to use your own PostgreSQL instead of the private one.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"

PORT="${OCOP_PORT:-5080}"
DB="${OCOP_DB:-ocopfairs}"

ensure_tools
if [ -z "${ConnectionStrings__OcopFairs:-}" ]; then
  start_postgres
  "$ROOT/scripts/pg.sh" createdb "$DB"
  export ConnectionStrings__OcopFairs="$("$ROOT/scripts/pg.sh" url "$DB")"
fi
build_web
build_dotnet

SERVER_PID=""
cleanup() {
  trap - INT TERM EXIT
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  stop_postgres_if_started
}
trap cleanup INT TERM EXIT

step "Starting OcopFairs on http://localhost:$PORT (migrations, then demo data)"
cd "$ROOT/src/OcopFairs.Server"
Demo__Seed=true Urls="http://localhost:$PORT" Logging__Console__FormatterName=simple \
  dotnet "$SERVER_DLL" &
SERVER_PID=$!

for _ in $(seq 1 120); do
  if curl -fs "http://localhost:$PORT/health/ready" >/dev/null 2>&1; then
    cat <<TXT

OcopFairs is ready.
  App:        http://localhost:$PORT
  API docs:   http://localhost:$PORT/api/docs
  Jobs:       http://localhost:$PORT/hangfire   (sign in as admin or organiser first)
  Sign in:    organiser@demo.ocop / Demo@12345   (more accounts in README.md)
Press Ctrl-C to stop.
TXT
    break
  fi
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "The server exited during start-up." >&2; exit 1; }
  sleep 0.5
done
wait "$SERVER_PID"
