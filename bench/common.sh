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
BENCH="java -Djdk.httpclient.allowRestrictedHeaders=host -cp $PGJAR bench/Bench.java"
# DB_URL as given: empty means the server's embedded database, whose URL start_server exports afterwards for
# Bench.java; a restart (fleet.sh's upgrade) must not take that URL for an external database.
GIVEN_DB_URL=${DB_URL:-}

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

cpu_of() {
  local ticks=0
  for pid in "$@"; do
    case $pid in
      children:*) ticks=$((ticks + $(awk '{print $16 + $17}' /proc/${pid#children:}/stat))) ;;
      *) ticks=$((ticks + $(awk '{print $14 + $15}' /proc/$pid/stat 2>/dev/null || echo 0))) ;;
    esac
  done
  echo "$ticks $(getconf CLK_TCK)" | awk '{printf "%.2f", $1 / $2}'
}
