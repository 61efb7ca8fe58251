#!/usr/bin/env bash
# Benchmarks against the real server on the private PostgreSQL. Figures go to docs/PERFORMANCE.md by hand, with the
# machine and the command.
#   scripts/bench.sh startup [runs]   time from process start to /health/ready on an existing database
#   scripts/bench.sh search           20,000 products loaded through HTTP; product and producer search p50/p99
#                                     through HTTP beside an in-process baseline, and raw SQL on the same data
#   scripts/bench.sh rush [args]      booth rush: 3,000 approved producers, 64 clients holding the 1,000 booths of one fair
#                                     while 500 SignalR watchers follow the floor; beside pgbench single-row commits and a
#                                     bare SignalR hub in the same run. Quick run: rush --producers 300 --booths 100 --watchers 50
#   scripts/bench.sh rush-series N    N rushes in a row (same options as rush), then min / median / max of each goal's figure
#   scripts/bench.sh match [args]     2,000 approved exhibitors with 20,000 products and 500 buyers with 1-3 needs, seeded
#                                     through HTTP: a buyer's top 50 with reasons over HTTP and inside the server, beside a
#                                     plain scan in the bench process; the push after a need changes. Quick: match --producers 200 --buyers 50
#   scripts/bench.sh meetings [args]  500 buyers racing for 200 exhibitors' 16 slots from 64 clients, beside pgbench at the
#                                     same concurrency: double bookings, requests/s, p99, server CPU
#   scripts/bench.sh deals [args]     the results board (issue 18): 1,000 watchers on one fair's stream while 64 clients create
#                                     and sign deals at 20 signings/s for 60 s: signings lost, board = SQL recount, push p99,
#                                     server CPU per delivered message beside a bare SignalR hub (its own process) sending the
#                                     same messages. Quick: deals --watchers 100 --seconds 10 --pairs 16
#   scripts/bench.sh schedule [args]  schedule-all for 300 buyers x 200 exhibitors x 16 slots (2,000 wishes): greedy beside
#                                     CP-SAT with a 10 s limit on 2 workers. Runs in process, with no server and no
#                                     PostgreSQL: the solver is a pure Domain function. It is CPU-bound, so on a shared
#                                     machine give the load average with the figures.
set -euo pipefail
SERVER_CPUS=""; BENCH_CPUS=""
source "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"

what="${1:-startup}"
if [ "$what" = schedule ]; then
  shift
  [ "${SKIP_BUILD:-0}" = 1 ] || { step ".NET build of the bench ($CONFIGURATION)"; dotnet build "$ROOT/tests/OcopFairs.Bench" -c "$CONFIGURATION" -nologo -clp:ErrorsOnly -v:quiet; }
  echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1), $(free -g | awk '/Mem:/ {print $2}') GiB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  exec dotnet "$ROOT/tests/OcopFairs.Bench/bin/$CONFIGURATION/net10.0/OcopFairs.Bench.dll" schedule "$@"
fi
ensure_tools
start_postgres
trap stop_postgres_if_started EXIT
[ "${SKIP_BUILD:-0}" = 1 ] || { build_web; build_dotnet; }

bench_startup() {
  local runs="${1:-5}" db=ocop_bench_startup port=5099
  "$ROOT/scripts/pg.sh" psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
  "$ROOT/scripts/pg.sh" createdb "$db" >/dev/null
  export ConnectionStrings__OcopFairs="$("$ROOT/scripts/pg.sh" url "$db")"
  cd "$ROOT/src/OcopFairs.Server"
  local times=()
  # Run 0 migrates and seeds the blank database; runs 1..N start on the existing one, as in daily use.
  for i in $(seq 0 "$runs"); do
    local start end pid
    start=$(date +%s%N)
    Demo__Seed=true Urls="http://127.0.0.1:$port" Orleans__SiloPort=11199 Orleans__GatewayPort=30099 \
      Logging__LogLevel__Default=Warning dotnet "$SERVER_DLL" >/tmp/ocop-bench-startup.log 2>&1 &
    pid=$!
    until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
      kill -0 "$pid" 2>/dev/null || { cat /tmp/ocop-bench-startup.log; exit 1; }
      sleep 0.05
    done
    end=$(date +%s%N)
    local ms=$(( (end - start) / 1000000 ))
    if [ "$i" = 0 ]; then echo "blank database (migrate + seed): ${ms} ms"; else times+=("$ms"); echo "run $i on existing database: ${ms} ms"; fi
    kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  echo "startup to ready on existing database: median $(echo "$sorted" | sed -n "$(( (${#times[@]} + 1) / 2 ))p") ms, max $(echo "$sorted" | tail -n 1) ms over ${#times[@]} runs"
  "$ROOT/scripts/pg.sh" psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
}

# Starts the Release server on a fresh database; sets BENCH_PID, BENCH_URL and BENCH_DB_CS. Further arguments are
# NAME=value settings for the server's environment (for example Demo__Seed=true); so are the words of
# BENCH_SERVER_ENV, for experiments (for example BENCH_SERVER_ENV="DOTNET_gcServer=0").
start_bench_server() {
  local db="$1" port="$2"
  shift 2
  "$ROOT/scripts/pg.sh" psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
  "$ROOT/scripts/pg.sh" createdb "$db" >/dev/null
  BENCH_DB_CS="$("$ROOT/scripts/pg.sh" url "$db")"
  BENCH_URL="http://127.0.0.1:$port/"
  (cd "$ROOT/src/OcopFairs.Server" && exec env ConnectionStrings__OcopFairs="$BENCH_DB_CS" Urls="http://127.0.0.1:$port" \
    Orleans__SiloPort=11198 Orleans__GatewayPort=30098 Logging__LogLevel__Default=Warning \
    Security__SignInPerMinute=0 Security__RegistrationsPerHour=0 "$@" ${BENCH_SERVER_ENV:-} \
    $SERVER_CPUS dotnet "$SERVER_DLL" >"/tmp/ocop-bench-$db.log" 2>&1) &
  BENCH_PID=$!
  until curl -fs "${BENCH_URL}health/ready" >/dev/null 2>&1; do
    kill -0 "$BENCH_PID" 2>/dev/null || { cat "/tmp/ocop-bench-$db.log"; exit 1; }
    sleep 0.2
  done
}

stop_bench_server() {
  kill -TERM "$BENCH_PID" 2>/dev/null || true
  wait "$BENCH_PID" 2>/dev/null || true
}

bench_search() {
  start_bench_server ocop_bench_search 5098
  echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1), $(free -g | awk '/Mem:/ {print $2}') GiB"
  local rc=0
  dotnet "$ROOT/tests/OcopFairs.Bench/bin/$CONFIGURATION/net10.0/OcopFairs.Bench.dll" search \
    --server "$BENCH_URL" --db "$BENCH_DB_CS" "$@" || rc=$?
  stop_bench_server
  return $rc
}

# The booth rush; the organiser who creates the fair is a demo account, hence Demo__Seed=true.
# BENCH_SPLIT_CPUS=1 puts the server and PostgreSQL on core 0 and the load generator (clients, watchers, pgbench, bare
# hub) on core 1, so the figures show the server without the load generator competing for its core.
bench_rush() {
  local postmaster
  postmaster=$(head -n 1 "$ROOT/.data/pg/postmaster.pid")
  if [ "${BENCH_SPLIT_CPUS:-0}" = 1 ]; then
    SERVER_CPUS="taskset -c 0"; BENCH_CPUS="taskset -c 1"
    # Backends fork from the postmaster and inherit its affinity.
    taskset -a -p -c 0 "$postmaster" >/dev/null
  fi
  start_bench_server ocop_bench_rush 5097 Demo__Seed=true
  echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1), $(free -g | awk '/Mem:/ {print $2}') GiB"
  local rc=0
  $BENCH_CPUS dotnet "$ROOT/tests/OcopFairs.Bench/bin/$CONFIGURATION/net10.0/OcopFairs.Bench.dll" rush \
    --server "$BENCH_URL" --db "$BENCH_DB_CS" --server-pid "$BENCH_PID" "$@" || rc=$?
  stop_bench_server
  [ -z "$BENCH_CPUS" ] || taskset -a -p -c "0-$(( $(nproc) - 1 ))" "$postmaster" >/dev/null
  return $rc
}

# Matching and meetings: the fair's organiser is a demo account, hence Demo__Seed=true.
bench_buyers() {
  local what="$1"
  shift
  start_bench_server ocop_bench_buyers 5096 Demo__Seed=true
  echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1), $(free -g | awk '/Mem:/ {print $2}') GiB"
  local rc=0
  dotnet "$ROOT/tests/OcopFairs.Bench/bin/$CONFIGURATION/net10.0/OcopFairs.Bench.dll" "$what" \
    --server "$BENCH_URL" --db "$BENCH_DB_CS" --server-pid "$BENCH_PID" "$@" || rc=$?
  stop_bench_server
  return $rc
}

# The deals benchmark on its own ports (server 5191, silo 11191, gateway 30191, bare hub 5192); the organiser is a demo
# account, hence Demo__Seed=true.
bench_deals() {
  start_bench_server ocop_bench_deals 5191 Demo__Seed=true Orleans__SiloPort=11191 Orleans__GatewayPort=30191
  echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1), $(free -g | awk '/Mem:/ {print $2}') GiB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  local rc=0
  dotnet "$ROOT/tests/OcopFairs.Bench/bin/$CONFIGURATION/net10.0/OcopFairs.Bench.dll" deals \
    --server "$BENCH_URL" --db "$BENCH_DB_CS" --server-pid "$BENCH_PID" "$@" || rc=$?
  stop_bench_server
  return $rc
}

# The spread of one figure over the series' logs: "min / median / max" of the number sed's $2 finds on lines matching $1.
series_spread() {
  local pattern="$1" expr="$2"
  shift 2
  grep -hE "$pattern" "$@" | sed -E "$expr" | sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "-"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%s / %s / %s\n", v[1], m, v[NR] }'
}

# N rushes one after another, each on a fresh database and beside its own baselines, then the spread of the goals'
# figures. One rush on this shared machine can be 20 % off another of the same code (docs/PERFORMANCE.md, runs
# 56-65): compare series, not single runs.
bench_rush_series() {
  local n="$1"
  shift
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "rush-series needs a count of runs, for example: rush-series 5 --producers 1000" >&2; return 2; }
  local dir
  dir=$(mktemp -d /tmp/ocop-rush-series.XXXXXX)
  for i in $(seq 1 "$n"); do
    if ! bench_rush "$@" >"$dir/run-$i.log" 2>&1; then
      tail -n 30 "$dir/run-$i.log" >&2
      echo "run $i of $n failed; its log: $dir/run-$i.log" >&2
      return 1
    fi
    echo "run $i of $n: $(grep -h 'holds/s / PG tps' "$dir/run-$i.log" | sed -E 's/^ +//'); log: $dir/run-$i.log"
  done
  local logs=("$dir"/run-*.log)
  echo "rush series of $n (min / median / max):"
  echo "  holds/s                 : $(series_spread '^  holds +:' 's/.* = ([0-9.]+) holds\/s.*/\1/' "${logs[@]}")"
  echo "  % of pgbench (goal 50)  : $(series_spread 'holds/s / PG tps' 's/.*= ([0-9.]+) %.*/\1/' "${logs[@]}")"
  echo "  hold p99, ms (goal 100) : $(series_spread 'goal hold p99' 's/.*\(([0-9.]+) ms\).*/\1/' "${logs[@]}")"
  echo "  push p99, ms (goal 200) : $(series_spread 'goal push p99 <= 200' 's/.*\(([0-9.]+) ms\).*/\1/' "${logs[@]}")"
  echo "  push p99 / bare hub     : $(series_spread 'bare hub p99 ' 's/.*\(([0-9.]+)x\).*/\1/' "${logs[@]}")"
  echo "  double bookings         : $(series_spread '^  double bookings' 's/.*: ([0-9]+) .*/\1/' "${logs[@]}")"
}

case "$what" in
  startup) bench_startup "${2:-5}" ;;
  search) shift; bench_search "$@" ;;
  rush) shift; bench_rush "$@" ;;
  rush-series) shift; bench_rush_series "$@" ;;
  match) shift; bench_buyers match "$@" ;;
  meetings) shift; bench_buyers meetings "$@" ;;
  deals) shift; bench_deals "$@" ;;
  *) echo "usage: scripts/bench.sh startup [runs] | search [--producers N --products N --requests N --concurrency N]" \
       "| rush [--producers 3000 --booths 1000 --clients 64 --watchers 500 --max-seconds 120 --pgbench-seconds 15 --push batched|per-event]" \
       "| rush-series N [rush options] | deals [--watchers 1000 --clients 64 --rate 20 --seconds 60] | schedule [--limit 10 --workers 2 --seed 17]" >&2; exit 2 ;;
esac
