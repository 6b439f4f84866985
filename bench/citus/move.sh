#!/usr/bin/env bash
# Moves one tenant's schema to the other worker (citus_schema_move, logical replication: the tenant
# keeps serving) while clients read it, and counts the failed reads. Needs a running Tenantry on the
# cluster of cluster.sh (BASE, ADMIN as for bench/Bench.java; by default run.sh's server) with the tenant LABEL made by Bench
# (`bench-0` after any soak); MODE=soak puts 10% foreign-key writes among the reads (then the
# written keys are checked in the database afterwards).
# Usage: bench/citus/move.sh [LABEL=bench-0] [SECONDS=60] [CLIENTS=16]
set -euo pipefail
cd "$(dirname "$0")/../.."
label=${1:-bench-0} seconds=${2:-60} clients=${3:-16}
schema=${label//-/_}
port=${CITUS_PORT:-25432}
export DB_URL=${DB_URL:-jdbc:postgresql://localhost:$port/tenantry}
# The server of run.sh (HTTP_PORT 8391, ADMIN_PASSWORD bench), not Bench.java's default 8080.
export BASE=${BASE:-http://localhost:${HTTP_PORT:-8391}} ADMIN=${ADMIN:-admin:${ADMIN_PASSWORD:-bench}}
psql_at() { bench/citus/cluster.sh psql -At -c "$1"; }
placement="SELECT DISTINCT s.nodeport FROM citus_shards s JOIN pg_class c ON c.oid = s.table_name
           WHERE c.relnamespace = '\"$schema\"'::regnamespace"
from=$(psql_at "$placement")
[ -n "$from" ] || { echo "tenant $label has no shards: is it a distributed schema?"; exit 1; }
to=$(psql_at "SELECT nodeport FROM pg_dist_node WHERE groupid <> 0 AND nodeport <> $from AND shouldhaveshards LIMIT 1")
echo "tenant $label (schema $schema) is on worker :$from; moving it to :$to after $((seconds / 3)) s of ${MODE:-reads}"
PGJAR=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -1)
mkdir -p target
if [ "${MODE:-reads}" = soak ]; then
  load=(soak 1 "$clients" "$seconds")
else
  load=(reads 1 "$seconds")
fi
# Bench names its tenants bench-0, bench-1, …: the move's tenant must be bench-0 for the load to reach it.
[ "$label" = bench-0 ] || { echo "the load reads bench-0 only; give LABEL=bench-0"; exit 1; }
# No lead-in: the move comes a third of SECONDS into the timed reads.
LEAD_IN=0 TENANTS_READY=1 CLIENTS=$clients java -Djdk.httpclient.allowRestrictedHeaders=host -cp "$PGJAR" bench/Bench.java \
  "${load[@]}" > target/citus-move-load.txt 2>&1 &
load_pid=$!
sleep $((seconds / 3))
started=$(date +%s.%N)
psql_at "SELECT citus_schema_move('\"$schema\"'::regnamespace, 'localhost', $to)" > /dev/null
echo "moved in $(echo "$(date +%s.%N) - $started" | bc) s; the tenant is now on worker :$(psql_at "$placement")"
wait $load_pid
cat target/citus-move-load.txt
