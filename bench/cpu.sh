#!/usr/bin/env bash
# Server CPU per read: GET /api/products over TENANTS tenants vs. the same read on identical shared
# tables through a persistence unit without routing. Usage: bench/cpu.sh [TENANTS=50] [SECONDS=60]
source "$(dirname "$0")/common.sh"
start_server
tenants=${1:-50}; seconds=${2:-60}
$BENCH reads "$tenants" 15 > /dev/null          # creates the tenants, warms up
$BENCH shared-reads 15 > /dev/null              # creates the shared tables, warms up
for round in 1 2; do
  for kind in routed shared; do
    cpu0=$(server_cpu)
    if [ $kind = routed ]; then out=$($BENCH reads "$tenants" "$seconds"); else out=$($BENCH shared-reads "$seconds"); fi
    cpu1=$(server_cpu)
    requests=$(echo "$out" | grep -oE '[0-9]+ req/s' | grep -oE '[0-9]+')
    echo "$out"
    echo "$kind round $round: server CPU $(echo "$cpu0 $cpu1 $requests $seconds" | awk '{printf "%.3f ms per request", ($2 - $1) * 1000 / ($3 * $4)}')"
  done
done
stop_server
