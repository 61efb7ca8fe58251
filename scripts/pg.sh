#!/usr/bin/env bash
# The project's private PostgreSQL: a cluster under .data/pg listening only on 127.0.0.1.
#   scripts/pg.sh start | stop | status | createdb NAME | url [NAME] | psql [args]
# Port: OCOP_PG_PORT (default 55432). Superuser: ocop / ocop (loopback only).
# PostgreSQL comes from Debian's packages and is installed when missing. initdb refuses to run as root, so as root
# the cluster runs as the 'postgres' system user; as a normal user, as yourself.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$ROOT/.data/pg"
PORT="${OCOP_PG_PORT:-55432}"
PGUSER_NAME=ocop
PGPASS=ocop

find_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

ensure_installed() {
  if [ -z "$(find_bin)" ]; then
    echo "pg: installing PostgreSQL from Debian packages" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql postgresql-contrib >/dev/null
  fi
  BIN="$(find_bin)"
}

# Runs a command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

is_running() {
  [ -f "$DATA/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

wait_ready() {
  for _ in $(seq 1 100); do
    if "$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q; then return 0; fi
    sleep 0.2
  done
  echo "pg: server did not become ready on port $PORT" >&2
  return 1
}

init_cluster() {
  mkdir -p "$ROOT/.data"
  local pwfile
  pwfile="$(mktemp)"
  echo "$PGPASS" > "$pwfile"
  mkdir -p "$DATA"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$DATA" "$pwfile"
  fi
  chmod 700 "$DATA"
  as_owner "$BIN/initdb" -D "$DATA" -U "$PGUSER_NAME" --pwfile="$pwfile" --auth=scram-sha-256 -E UTF8 --no-locale >/dev/null
  rm -f "$pwfile"
  cat >> "$DATA/postgresql.conf" <<CONF
# OcopFairs: private development/test cluster.
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 400
shared_buffers = 256MB
CONF
}

start() {
  ensure_installed
  [ -f "$DATA/PG_VERSION" ] || init_cluster
  if is_running; then
    echo "pg: already running on 127.0.0.1:$PORT"
    return 0
  fi
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -o "-p $PORT" -w -t 60 start >/dev/null
  wait_ready
  echo "pg: started on 127.0.0.1:$PORT (data in .data/pg)"
}

stop() {
  BIN="$(find_bin || true)"
  if [ -n "${BIN:-}" ] && is_running; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    echo "pg: stopped"
  else
    echo "pg: not running"
  fi
}

status() {
  BIN="$(find_bin || true)"
  if [ -n "${BIN:-}" ] && is_running; then echo "pg: running on 127.0.0.1:$PORT"; else echo "pg: not running"; return 3; fi
}

run_psql() {
  BIN="$(find_bin)"
  PGPASSWORD="$PGPASS" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U "$PGUSER_NAME" -v ON_ERROR_STOP=1 "$@"
}

createdb() {
  local name="$1"
  if [ "$(run_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" != "1" ]; then
    run_psql -d postgres -qc "CREATE DATABASE \"$name\"" >/dev/null
    echo "pg: created database $name"
  fi
}

url() {
  echo "Host=127.0.0.1;Port=$PORT;Database=${1:-ocopfairs};Username=$PGUSER_NAME;Password=$PGPASS"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  createdb) createdb "${2:?database name}" ;;
  url) url "${2:-}" ;;
  psql) shift; run_psql "$@" ;;
  *) echo "usage: scripts/pg.sh start|stop|status|createdb NAME|url [NAME]|psql [args]" >&2; exit 2 ;;
esac
