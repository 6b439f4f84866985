#!/usr/bin/env bash
# What a read costs, reads over 10 tenants against reads spread over a whole fleet: the CPU per read of Payara
# Micro and of PostgreSQL (all its processes, from /proc), and, from pg_stat_statements, PostgreSQL's statements
# in each phase: calls, plans, planning and execution time, the costliest statements. Usage: [CLIENTS=16]
# [ROUNDS=2] [WARMUP=200] [TENANT_PREFIX=bench-] [DATA_DIR=target/bench-data] bench/read-cost.sh TENANTS
# [SECONDS=60]. The fleet must hold the tenants PREFIX0 … PREFIX(TENANTS-1) with products: by default those of
# bench/postgres-memory.sh (bench-…, in target/bench-data; for bench/fleet.sh's, TENANT_PREFIX=fleet-
# DATA_DIR=target/bench-fleet-data). After WARMUP seconds of reads over the fleet and 60 over 10 tenants (the JIT
# and the connections' caches), ROUNDS rounds of SECONDS over 10 tenants and SECONDS over the fleet. The
# embedded PostgreSQL only (it preloads pg_stat_statements; the extension is created if missing). The extension
# keeps 5,000 statements and tells each tenant's apart (their tables differ), so over a large fleet most
# tenants' statements are not in its totals; the route, the token lookup and the memory readings are, being one
# statement for every tenant. Pass DB_LANE_CONNECTIONS and DB_CONNECTION_MEMORY_MB as the server should run.
export DATA_DIR=${DATA_DIR:-$(cd "$(dirname "$0")/.." && pwd)/target/bench-data}
source "$(dirname "$0")/common.sh"
[ -z "$GIVEN_DB_URL" ] || { echo "bench/read-cost.sh reads the embedded PostgreSQL's statements: unset DB_URL" >&2; exit 1; }
tenants=${1:?"the number of tenants to read from"}; seconds=${2:-60}; rounds=${ROUNDS:-2}
export TENANTS_READY=1 TENANT_PREFIX=${TENANT_PREFIX:-bench-} CLIENTS=${CLIENTS:-16}
PSQL=$(command -v psql || { ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -1; } || true)
[ -n "$PSQL" ] || { echo "bench/read-cost.sh needs psql (apt-get install -y postgresql-client)" >&2; exit 1; }
sql() { "$PSQL" -h localhost -p "$(sed -n 4p "$DATA_DIR/postgres/postmaster.pid")" -U postgres -d postgres -Atqc "$1"; }
start_server
# Stopped however the script ends, so that a failure does not leave it holding the port and the database.
trap 'stop_server 2> /dev/null || true' EXIT
sql "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS pg_stat_statements" > /dev/null
$BENCH reads "$tenants" "${WARMUP:-200}" > /dev/null; $BENCH reads 10 60 > /dev/null
for round in $(seq 1 "$rounds"); do
  for phase in 10 "$tenants"; do
    sql "SELECT pg_stat_statements_reset()" > /dev/null
    web0=$(payara_cpu); pg0=$(postgres_cpu)
    line=$($BENCH reads "$phase" "$seconds" | tail -1)
    web1=$(payara_cpu); pg1=$(postgres_cpu)
    echo "round $round: $line"
    reads=$(echo "$line" | grep -oE '[0-9]+ req/s' | grep -oE '^[0-9]+')
    awk -v w="$web0 $web1" -v p="$pg0 $pg1" -v n=$((reads * seconds + 1)) 'BEGIN { split(w, a, " "); split(p, b, " ");
      printf "  CPU per read: Payara %.0f µs, PostgreSQL %.0f µs\n", (a[2] - a[1]) * 1e6 / n, (b[2] - b[1]) * 1e6 / n }'
    sql "SELECT 'statements: ' || sum(calls) || ' calls, ' || sum(plans) || ' plans, ' || round(sum(total_plan_time)) || ' ms planning, '
      || round(sum(total_exec_time)) || ' ms executing' FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'" | sed 's/^/  /'
    echo "  costliest (calls | plans | planning ms | executing ms | statement, its tag left out):"
    sql "SELECT calls || ' | ' || plans || ' | ' || round(total_plan_time) || ' | ' || round(total_exec_time) || ' | '
      || left(regexp_replace(query, '^/\*[^*]*\*/ ', ''), 90) FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'
      ORDER BY total_plan_time + total_exec_time DESC LIMIT 5" | sed 's/^/    /'
  done
done
