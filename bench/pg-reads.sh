#!/usr/bin/env bash
# PostgreSQL alone on the product read, without Tenantry's CPU in the way (bench/PgReads.java): the read's
# statements through connections grouped as the connection lanes group them, phase after phase on the same
# connections, each phase printing reads a second, p50, p99, PostgreSQL's CPU per read and the share of reads on
# the shared connections. Usage: [CLIENTS=16] [LANES=16] [PER_LANE=4] [MAIN=23] [NEXT_LANE=1] [THRESHOLD=5] [JOIN=1] [PG_OPTIONS="-c name=value"]
# [TENANT_PREFIX=bench-] [DATA_DIR=target/bench-data] bench/pg-reads.sh TENANTS:SECONDS … (10000:60 10:60: a minute
# over the fleet, then one over its first 10 tenants). The server starts only for its embedded PostgreSQL (it idles
# meanwhile) and stops at the end. The fleet as for bench/read-cost.sh (bench/postgres-memory.sh's, on tmpfs:
# bench/README.md, "Connection lanes").
export DATA_DIR=${DATA_DIR:-$(cd "$(dirname "$0")/.." && pwd)/target/bench-data}
source "$(dirname "$0")/common.sh"
[ -z "$GIVEN_DB_URL" ] || { echo "bench/pg-reads.sh reads the embedded PostgreSQL's CPU: unset DB_URL" >&2; exit 1; }
[ $# -gt 0 ] || { echo "usage: bench/pg-reads.sh TENANTS:SECONDS …" >&2; exit 1; }
start_server
# Stopped however the script ends, so that a failure does not leave it holding the port and the database.
trap 'stop_server 2> /dev/null || true' EXIT
PGDATA=$DATA_DIR/postgres java -cp "$PGJAR" bench/PgReads.java "$@"
