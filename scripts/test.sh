#!/usr/bin/env bash
# Runs every test suite: web (Vitest), Domain, Grains (Orleans TestingHost), Server (real PostgreSQL, HTTP,
# SignalR, several server processes) and end-to-end (Playwright + Debian Chromium). Exits non-zero on any failure.
# Each server-test fixture creates its own database on the private PostgreSQL and drops it afterwards.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"

ensure_tools
if [ ! -x /usr/bin/chromium ]; then
  step "Installing Chromium from Debian packages (browser tests)"
  apt_install chromium
fi
start_postgres
trap stop_postgres_if_started EXIT
build_web
build_dotnet

export OCOP_TEST_PG="$("$ROOT/scripts/pg.sh" url postgres)"
export OCOP_TEST_CONFIGURATION="$CONFIGURATION"
RESULTS="$(mktemp -d)"
passed=0; failed=0; skipped=0; status=0

step "Web tests (Vitest)"
if (cd "$ROOT/web" && NO_COLOR=1 FORCE_COLOR=0 npx vitest run) 2>&1 | tee "$RESULTS/web.log"; then :; else status=1; fi
if line=$(grep -E '^\s*Tests\s+' "$RESULTS/web.log" | tail -n 1); then
  p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || echo 0)
  f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || echo 0)
  passed=$((passed + p)); failed=$((failed + f))
fi

for project in OcopFairs.Domain.Tests OcopFairs.Grains.Tests OcopFairs.Server.Tests OcopFairs.E2E; do
  step "$project"
  log="$RESULTS/$project.log"
  # Minimal verbosity prints each failure with its message and one summary line per project.
  dotnet test "$ROOT/tests/$project" -c "$CONFIGURATION" --no-build --nologo 2>&1 | tee "$log" || true
  if ! grep -qE '^\s*Passed!' "$log"; then status=1; fi
  summary=$(grep -E '^\s*(Passed|Failed)!' "$log" | tail -n 1 || true)
  p=$(echo "$summary" | grep -oE 'Passed:\s+[0-9]+' | grep -oE '[0-9]+' || echo 0)
  f=$(echo "$summary" | grep -oE 'Failed:\s+[0-9]+' | grep -oE '[0-9]+' || echo 0)
  s=$(echo "$summary" | grep -oE 'Skipped:\s+[0-9]+' | grep -oE '[0-9]+' || echo 0)
  [ -z "$summary" ] && { echo "$project: no test summary (build or run failure)"; f=$((f + 1)); }
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done

if [ "$skipped" -gt 0 ]; then
  echo "Some tests were skipped; every suite must run in full." >&2
  status=1
fi
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] || status=1
exit "$status"
