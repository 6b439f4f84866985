# Shared by the bench scripts: start Tenantry cold with `mvn -Prun,bench` (plus EXTRA_PROFILES), wait, stop.
# Loopback only. DATA_DIR defaults to target/bench-data so benchmarks never touch ~/.tenantry.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATA_DIR=${DATA_DIR:-$PWD/target/bench-data} ADMIN_PASSWORD=${ADMIN_PASSWORD:-bench} ADMIN=admin:${ADMIN_PASSWORD:-bench}
export JAVA_HEAP=${JAVA_HEAP:-1g}
# HTTP_PORT moves the server (and BASE, where Bench.java sends its requests) off 8080, which others may hold.
export HTTP_PORT=${HTTP_PORT:-8080}
export BASE=${BASE:-http://localhost:$HTTP_PORT}
PGJAR=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -1)
# Bench.java and MachineCpu.java are compiled once (again when either changes), not by the source launcher at every
# call: that ran javac in each load generator's JVM, whose compiler threads then still busied the two cores while its
# first reads were timed (bench/README.md, "The load generator's own start"). Each compiles alone as well.
# One folder per version of the source, never deleted: a script still running an older version loads its nested classes
# lazily (a paced phase's bursts at its end). Compiled aside and moved in whole, so that an interrupted javac leaves
# none half written; when two scripts compile at once, the first move wins.
BENCH_CLASSES=$PWD/target/bench-client/$(cat bench/Bench.java bench/MachineCpu.java | sha256sum | cut -c1-16)
if [ ! -d "$BENCH_CLASSES" ]; then
  mkdir -p target/bench-client
  compiled=$(mktemp -d "$PWD/target/bench-client/compiling.XXXXXX")
  javac -d "$compiled" -cp "$PGJAR" bench/Bench.java bench/MachineCpu.java || { rm -rf "$compiled"; exit 1; }
  chmod 755 "$compiled"
  mv -T "$compiled" "$BENCH_CLASSES" 2> /dev/null || rm -rf "$compiled"
fi
BENCH="java -Djdk.httpclient.allowRestrictedHeaders=host -cp $PGJAR:$BENCH_CLASSES Bench"
# The machine's CPU by process about every 250 ms (bench/MachineCpu.java): `$MACHINE_CPU sample FILE &`.
MACHINE_CPU="java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx32m -cp $BENCH_CLASSES MachineCpu"
# DB_URL as given: empty means the server's embedded database, whose URL start_server exports afterwards for
# Bench.java; a restart (fleet.sh's upgrade) must not take that URL for an external database.
GIVEN_DB_URL=${DB_URL:-}

# bench_timed FUNCTION ARGUMENT…: Bench.java's reads or shared-reads (its ARGUMENTs), their output into
# target/bench-timed.out; once the lead-in is over and the timed reads begin, FUNCTION runs (in this shell, so that it
# may set variables: the counters a script reads before and after the timed reads). Fails, with Bench.java's errors,
# when it ends without marking the timed reads' start: counters taken after them would measure nothing.
# BENCH_PID is the load generator while it runs: a script's EXIT trap kills it (started in the background, it ignores
# the Ctrl-C that ends the script, and would go on reading from a stopped or restarted server).
bench_timed() {
  local at_start=$1
  shift
  : > target/bench-timed.err
  TIMED_MARK=1 $BENCH "$@" > target/bench-timed.out 2> target/bench-timed.err &
  BENCH_PID=$!
  while ! grep -q '^timed reads begin$' target/bench-timed.err && kill -0 "$BENCH_PID" 2> /dev/null; do sleep 0.02; done
  if ! grep -q '^timed reads begin$' target/bench-timed.err; then
    wait "$BENCH_PID" || true
    cat target/bench-timed.err >&2
    echo "bench_timed: Bench.java $* ended before its timed reads began" >&2
    return 1
  fi
  "$at_start"
  wait "$BENCH_PID" || { cat target/bench-timed.err >&2; return 1; }
  BENCH_PID=
}

start_server() {
  mkdir -p target
  # Gone before the start, so that the wait below never reads the previous run's "ready".
  rm -f target/bench-server.log
  [ -n "$GIVEN_DB_URL" ] || unset DB_URL
  # POST_BOOT_COMMANDS: another post-boot file than payara-config/'s, to compare pool settings.
  mvn -B -q -Prun,bench${EXTRA_PROFILES:+,$EXTRA_PROFILES} ${POST_BOOT_COMMANDS:+-Dpayara.postBootCommands=$POST_BOOT_COMMANDS} \
    > target/bench-server.log 2>&1 &
  SERVER=$!
  for _ in $(seq 1 180); do
    grep -q "Tenantry is ready" target/bench-server.log && break
    sleep 1
  done
  # A server that did not become ready is stopped, so that it does not hold the port for the next run.
  grep -q "Tenantry is ready" target/bench-server.log \
    || { echo "server did not start (target/bench-server.log)"; stop_server 2>/dev/null || true; exit 1; }
  PAYARA=$(pgrep -f "$PWD/target/bench-[a-z-]*build/payara-micro.jar" || true)
  # The embedded database's port is the fourth line of its postmaster.pid (the log does not print the URL).
  export DB_URL=${DB_URL:-jdbc:postgresql://localhost:$(sed -n 4p "$DATA_DIR/postgres/postmaster.pid")/postgres}
}

stop_server() {
  # SIGTERM, not SIGINT: background jobs of a non-interactive shell ignore SIGINT.
  kill -TERM "$SERVER"; wait "$SERVER" || true
}

# CPU seconds used so far by Payara Micro, and by every PostgreSQL process.
payara_cpu() {
  cpu_of "$PAYARA"
}

# Connections the pool closed count too: their CPU is in the postmaster's children's time. Only the
# PostgreSQL of DATA_DIR (its postmaster and that one's children): others on the machine are not ours.
# With DB_URL given, POSTGRES_DATA_DIRS must name the data folders of the servers it leads to, on this
# machine, space-separated (the Citus cluster of bench/citus/cluster.sh: /tmp/tenantry-citus/coordinator,
# …/worker1, …/worker2; reading them takes root, as their owner is nobody); without it, this fails saying so.
postgres_cpu() {
  local folder postmaster pids=()
  local -a folders=("$DATA_DIR/postgres")
  if [ -n "$GIVEN_DB_URL" ]; then
    [ -n "${POSTGRES_DATA_DIRS:-}" ] \
      || { echo "postgres_cpu: DB_URL is set, so set POSTGRES_DATA_DIRS to its servers' data folders" >&2; return 1; }
    read -r -a folders <<< "$POSTGRES_DATA_DIRS"
  fi
  for folder in "${folders[@]}"; do
    postmaster=$(head -1 "$folder/postmaster.pid" 2>/dev/null || true)
    [ -n "$postmaster" ] && [ -d "/proc/$postmaster" ] \
      || { echo "postgres_cpu: no PostgreSQL runs from $folder (or it cannot be read)" >&2; return 1; }
    pids+=("$postmaster" $(pgrep -P "$postmaster" || true) "children:$postmaster")
  done
  cpu_of "${pids[@]}"
}

CLK_TCK=$(getconf CLK_TCK)
# One awk for every process, not one each: the counters are also taken while timed reads run (bench_timed), where 90
# awk processes, one per PostgreSQL backend, took seconds of the two cores. A process that ended meanwhile has no file
# left and counts as 0.
cpu_of() {
  local own=() children=()
  for pid in "$@"; do
    case $pid in
      children:*) children+=("/proc/${pid#children:}/stat") ;;
      *) own+=("/proc/$pid/stat") ;;
    esac
  done
  # Each cat only with files to read: cat without any reads standard input (peer.sh may find no backends).
  { [ ${#own[@]} = 0 ] || cat "${own[@]}" 2> /dev/null || true
    [ ${#children[@]} = 0 ] || cat "${children[@]}" 2> /dev/null | sed 's/^/children /' || true; } \
    | awk -v hz="$CLK_TCK" '$1 == "children" { ticks += $17 + $18; next } { ticks += $14 + $15 } END { printf "%.2f", ticks / hz }'
}
