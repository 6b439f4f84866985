#!/usr/bin/env bash
# Reads spread over a whole fleet against reads over 10 of its tenants (issue 18: p99 spread ÷ p99 over 10
# tenants ≤ 1.3×), and the heap after a full GC at the end. Usage: [CLIENTS=16] [ROUNDS=2] [TENANT_PREFIX=fleet-]
# bench/spread.sh TENANTS [SECONDS=60]. The fleet must hold the tenants PREFIX0 … PREFIX(TENANTS-1): made by
# bench/fleet.sh (fleet-…, its DATA_DIR target/bench-fleet-data) or bench/postgres-memory.sh (bench-…,
# target/bench-data); pass that DATA_DIR. Each round reads over 10 tenants, then over all, SECONDS each,
# after a first WARMUP seconds (120) over all, then over 10, to warm the server up (the JIT).
export DATA_DIR=${DATA_DIR:-$(cd "$(dirname "$0")/.." && pwd)/target/bench-fleet-data}
source "$(dirname "$0")/common.sh"
tenants=${1:?"the number of tenants to read from"}; seconds=${2:-60}; rounds=${ROUNDS:-2}
export TENANTS_READY=1 TENANT_PREFIX=${TENANT_PREFIX:-fleet-} CLIENTS=${CLIENTS:-16}
start_server
$BENCH reads "$tenants" "$(( ${WARMUP:-120} / 2 ))" > /dev/null; $BENCH reads 10 "$(( ${WARMUP:-120} / 2 ))" > /dev/null
for round in $(seq 1 "$rounds"); do
  few=$($BENCH reads 10 "$seconds" | tail -1); echo "$few; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  all=$($BENCH reads "$tenants" "$seconds" | tail -1); echo "$all; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "$few|$all" | grep -oE 'p99 [0-9.]+' | sed 's/^p99 //' | paste -sd' ' \
    | awk -v r="$round" '{ printf "round %s: p99 spread over the fleet ÷ p99 over 10 tenants = %.2f\n", r, $2 / $1 }'
done
jcmd "$PAYARA" GC.run > /dev/null
# The heap's generations (Serial: "def new" and "tenured"; G1: one "garbage-first heap"), not metaspace.
jcmd "$PAYARA" GC.heap_info | grep -E 'generation|garbage-first heap' | grep -oE 'used [0-9]+K' | grep -oE '[0-9]+' \
  | awk '{ kb += $1 } END { printf "heap after a full GC: %.0f MiB used\n", kb / 1024 }'
stop_server
