#!/usr/bin/env bash
# Server CPU per read: GET /api/products over 1 and over TENANTS tenants vs. the same read on identical
# shared tables (GET /api/bench/shared-products, -Pbench only). Usage: bench/cpu.sh [TENANTS=50] [SECONDS=60]
# Prints, per round, each kind's Payara Micro and PostgreSQL CPU per request; ROUNDS (3) alternate the kinds.
source "$(dirname "$0")/common.sh"
start_server
# The server and the load generator (common.sh's bench_timed) stopped however the script ends.
trap 'kill ${BENCH_PID:-} 2> /dev/null || true; stop_server 2> /dev/null || true' EXIT
tenants=${1:-50}; seconds=${2:-60}; rounds=${ROUNDS:-3}
$BENCH reads "$tenants" 60 > /dev/null          # creates the tenants; JIT and pools warm up
$BENCH shared-reads 60 > /dev/null              # creates the shared tables, warms up
# The CPU counters when a kind's timed reads begin, after Bench.java's lead-in (common.sh's bench_timed).
take_counters() {
  payara0=$(payara_cpu); postgres0=$(postgres_cpu)
}
for round in $(seq 1 "$rounds"); do
  for kind in routed-1 routed-$tenants shared; do
    case $kind in
      shared) bench_timed take_counters shared-reads "$seconds" ;;
      *) bench_timed take_counters reads "${kind#routed-}" "$seconds" ;;
    esac
    payara1=$(payara_cpu); postgres1=$(postgres_cpu); out=$(cat target/bench-timed.out)
    requests=$(echo "$out" | grep -oE '[0-9]+ req/s' | grep -oE '[0-9]+')
    echo "$kind round $round: $requests req/s; CPU per request: $(echo "$payara0 $payara1 $postgres0 $postgres1 \
      $requests $seconds" | awk '{n = $5 * $6; a = ($2 - $1) * 1e6 / n; b = ($4 - $3) * 1e6 / n;
      printf "Payara %.0f µs, PostgreSQL %.0f µs, total %.0f µs", a, b, a + b}')"
  done
done
