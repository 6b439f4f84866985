#!/usr/bin/env bash
# PostgreSQL's memory while pooled connections keep the statements of many tenants: private memory of
# every PostgreSQL process after each of two minutes of reads over TENANTS tenants by 64 clients
# (so every pooled connection serves every tenant). Usage: bench/postgres-memory.sh [TENANTS=50]
source "$(dirname "$0")/common.sh"
start_server
tenants=${1:-50}
private_memory() {
  for pid in $(pgrep -x postgres); do
    awk '/^Private_(Clean|Dirty)/ {kb += $2} END {print kb}' "/proc/$pid/smaps_rollup" 2>/dev/null
  done | awk '{kb += $1; n++} END {printf "%d PostgreSQL processes, private memory %.1f MB", n, kb / 1024}'
}
echo "started: $(private_memory)"
for minute in 1 2; do
  CLIENTS=64 $BENCH reads "$tenants" 60 | tail -1
  echo "after minute $minute: $(private_memory)"
done
stop_server
