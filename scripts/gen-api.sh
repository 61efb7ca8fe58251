#!/usr/bin/env bash
# Regenerates the web app's HTTP contract from the server: builds the server, starts it on a scratch database of the
# private PostgreSQL, fetches /openapi/v1.json and writes web/src/api/openapi.json (the snapshot) and
# web/src/api/schema.d.ts (its openapi-typescript types). Run it after changing an endpoint or a request or response
# record; the server test OpenApiSnapshotTests and the web test src/api/schema.test.ts fail until you do.
# Environment: OCOP_PG_PORT (default 55432), CONFIGURATION (default Release).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"

ensure_tools
start_postgres
DB=ocopfairs_openapi
"$ROOT/scripts/pg.sh" createdb "$DB" >/dev/null
(cd "$ROOT/web" && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; })
step ".NET build of the server ($CONFIGURATION)"
dotnet build "$ROOT/src/OcopFairs.Server" -c "$CONFIGURATION" -nologo -clp:ErrorsOnly -v:quiet

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
PORT="$(free_port)"
FETCHED="$(mktemp)"
SERVER_LOG="$(mktemp)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -f "$FETCHED" "$SERVER_LOG"
  stop_postgres_if_started
}
trap cleanup EXIT

step "Starting the server on 127.0.0.1:$PORT to read its OpenAPI document"
(
  cd "$ROOT/src/OcopFairs.Server"
  ConnectionStrings__OcopFairs="$("$ROOT/scripts/pg.sh" url "$DB")" Urls="http://127.0.0.1:$PORT" \
    Orleans__ClusterId="openapi-$PORT" Orleans__SiloPort="$(free_port)" Orleans__GatewayPort="$(free_port)" \
    Logging__LogLevel__Default=Warning Logging__Console__FormatterName=simple exec dotnet "$SERVER_DLL" >"$SERVER_LOG" 2>&1
) &
SERVER_PID=$!
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$SERVER_LOG" >&2; echo "The server exited during start-up." >&2; exit 1; }
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$PORT/openapi/v1.json" -o "$FETCHED"

step "Writing web/src/api/openapi.json and web/src/api/schema.d.ts"
(cd "$ROOT/web" && node scripts/openapi.mjs "$FETCHED")
git -C "$ROOT" --no-pager diff --stat -- web/src/api || true
