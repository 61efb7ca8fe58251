#!/usr/bin/env bash
# Shared set-up for run.sh, test.sh, bench.sh and cluster.sh: PostgreSQL, web app, .NET build.
# Sourced, not run. Sets ROOT, CONFIGURATION, SERVER_DLL and PG_STARTED_HERE (1 when this script started PostgreSQL).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CONFIGURATION="${CONFIGURATION:-Release}"
SERVER_DLL="$ROOT/src/OcopFairs.Server/bin/$CONFIGURATION/net10.0/OcopFairs.Server.dll"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '\n==> %s\n' "$*"; }

need_root_or_sudo() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then
    need_root_or_sudo apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive need_root_or_sudo apt-get install -y -qq "$@" >/dev/null
}

ensure_tools() {
  command -v dotnet >/dev/null || { echo "The .NET SDK is required (https://dot.net); dotnet is not on PATH." >&2; exit 1; }
  if ! command -v npm >/dev/null; then
    step "Installing Node.js and npm from Debian packages"
    apt_install nodejs npm
  fi
}

start_postgres() {
  PG_STARTED_HERE=0
  if ! "$ROOT/scripts/pg.sh" status >/dev/null 2>&1; then
    PG_STARTED_HERE=1
  fi
  step "PostgreSQL"
  "$ROOT/scripts/pg.sh" start
}

stop_postgres_if_started() {
  if [ "${PG_STARTED_HERE:-0}" = 1 ]; then
    "$ROOT/scripts/pg.sh" stop || true
  fi
}

build_web() {
  step "Web app (npm ci, vite build)"
  (
    cd "$ROOT/web"
    # npm ci only when the lock file changed since the last install.
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      npm ci --no-audit --no-fund --loglevel=error
    fi
    npm run --silent build
  )
}

build_dotnet() {
  step ".NET build ($CONFIGURATION)"
  dotnet build "$ROOT/OcopFairs.sln" -c "$CONFIGURATION" -nologo -clp:ErrorsOnly -v:quiet
}
