#!/usr/bin/env bash
# Tenant creation as the fleet grows, and one new tenant migration across it (issue 18).
# Usage: [CLIENTS=4] [UPGRADE_AT=1000] [KEEP=1] bench/fleet.sh ["30 1000 3000"]   (the sizes: one argument)
# For each size: grows the fleet to it through the API (fleet-0 …), then creates a batch of 20 one after
# another and prints their server-side median (the log's "Created tenant … in N ms"), the HTTP median and
# PostgreSQL's CPU per creation (counted from 5 s after the growth, so that the ready schemas are
# refilled, to 5 s after the batch, so that it includes building those the batch took) and how many of
# the batch's schemas were ready ones (TENANTS_READY_SCHEMAS) or built for it. At UPGRADE_AT it restarts with one tenant migration more (bench/upgrade,
# the -Pbench-upgrade build) and times the upgrade of the whole fleet, from the log's announcement to the
# last tenant recorded at the new version, while UPGRADE_READERS (8) clients read tenants of the fleet at
# random from the moment the server is ready to the upgrade's end: answers by status. A fresh database in target/bench-fleet-data unless KEEP=1.
# With DB_URL (a Citus cluster: bench/README.md) nothing is reset here, and POSTGRES_DATA_DIRS must name its
# servers' data folders; UPGRADE_READ_SECONDS (300) bounds the readers.
export DATA_DIR=${DATA_DIR:-$(cd "$(dirname "$0")/.." && pwd)/target/bench-fleet-data}
source "$(dirname "$0")/common.sh"
sizes=${1:-30 1000 3000}; clients=${CLIENTS:-4}; upgrade_at=${UPGRADE_AT:-1000}
[ "${KEEP:-0}" = 1 ] || rm -rf "$DATA_DIR"
start_server
# However the script ends (a failure included), the server does not outlive it to hold the port.
trap stop_server EXIT
# Before the fleet is built: with DB_URL, PostgreSQL's CPU needs POSTGRES_DATA_DIRS (bench/common.sh).
postgres_cpu > /dev/null
for size in $sizes; do
  started=$(date +%s)
  $BENCH fleet "$size" "$clients"
  echo "fleet at $size tenants, built in $(( $(date +%s) - started )) s"
  prefix=b$size-$(date +%s)
  sleep 5 # the ready schemas (TENANTS_READY_SCHEMAS) refilled after the growth: a burst after a quiet moment
  postgres0=$(postgres_cpu)
  $BENCH batch 20 "$prefix"
  sleep 5 # and refilled after the batch: PostgreSQL's CPU per creation includes building what the batch took
  postgres1=$(postgres_cpu)
  grep -oE "Created tenant $prefix-[0-9]+ \(CLONE\) in [0-9]+ ms" target/bench-server.log | grep -oE '[0-9]+ ms$' \
    | grep -oE '[0-9]+' | sort -n | awk -v size="$size" -v pg0="$postgres0" -v pg1="$postgres1" \
      '{ v[NR] = $1 } END { printf "at %d tenants: server-side median %d ms (min %d, max %d) of %d; PostgreSQL CPU %.0f ms per creation\n",
        size, (v[10] + v[11]) / 2, v[1], v[NR], NR, (pg1 - pg0) * 1000 / NR }'
  echo "schemas of the batch: $(grep -cE "Created tenant $prefix-[0-9]+ \(CLONE\) in [0-9]+ ms, its schema ready" \
    target/bench-server.log) ready ones renamed, $(grep -cE "Created tenant $prefix-[0-9]+ \(CLONE\) in [0-9]+ ms, its schema built" \
    target/bench-server.log) built for the creation"
  if [ "$size" = "$upgrade_at" ]; then
    # Made now: after the restart the public tenant, where tokens are made, is behind the code too.
    token=$($BENCH token)
    stop_server
    # PostgreSQL writes its last checkpoint before it lets go of the data directory.
    while [ -f "$DATA_DIR/postgres/postmaster.pid" ]; do sleep 1; done
    $BENCH upgrade-watch 99.1 "$DATA_DIR/logs/server.log" > target/bench-upgrade.out 2>&1 &
    watcher=$!
    # Reads spread over the fleet while it is upgraded, from the moment the server is ready.
    BENCH_TOKEN=$token $BENCH upgrade-reads "$size" "${UPGRADE_READ_SECONDS:-300}" > target/bench-upgrade-reads.out 2>&1 &
    readers=$!
    EXTRA_PROFILES=bench-upgrade start_server
    wait "$watcher" || true; cat target/bench-upgrade.out
    wait "$readers" || true; cat target/bench-upgrade-reads.out
    echo "upgrade workers and failures: $(grep -oE 'upgrading with [0-9]+ worker\(s\)' target/bench-server.log | head -1);" \
      "$(grep -c 'Could not migrate tenant' target/bench-server.log || true) failed;" \
      "$(grep -c 'to version 99.1 (replayed' "$DATA_DIR/logs/server.log" || true) replayed," \
      "$(grep -c 'to version 99.1 (by Flyway' "$DATA_DIR/logs/server.log" || true) by a Flyway run," \
      "$(grep -c 'to version 99.1 (.*ahead of its turn for a request' "$DATA_DIR/logs/server.log" || true) for a request"
  fi
done
