#!/usr/bin/env bash
# PostgreSQL's memory while pooled connections keep the catalog caches and statements of many tenants:
# after each minute of reads over TENANTS tenants by 64 clients (so every pooled connection serves every
# tenant), the private memory of this deployment's PostgreSQL (its postmaster and that one's children; the
# machine's other PostgreSQL servers are not counted), its largest process, and the connections opened so
# far (pg_stat_database.sessions). Usage: bench/postgres-memory.sh [TENANTS=50] [MINUTES=2]
# Missing tenants bench-0 … are created first (CREATORS at once, 4), the time it took printed.
source "$(dirname "$0")/common.sh"
start_server
tenants=${1:-50}; minutes=${2:-2}
postmaster=$(head -1 "$DATA_DIR/postgres/postmaster.pid")
private_kb() {
  awk '/^Private_(Clean|Dirty)/ {kb += $2} END {print kb + 0}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0
}
private_memory() {
  local total=0 largest=0 n=0 kb
  for pid in "$postmaster" $(pgrep -P "$postmaster"); do
    kb=$(private_kb "$pid"); total=$((total + kb)); n=$((n + 1))
    [ "$kb" -gt "$largest" ] && largest=$kb
  done
  echo "$n $total $largest $($BENCH sessions)" | awk -v at="$1" '{printf "%s: %d PostgreSQL processes, private memory %.1f MB, largest process %.1f MB; %d connections opened so far; load average %s\n", at, $1, $2 / 1024, $3 / 1024, $4, load}' \
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
}
started=$(date +%s)
CLIENTS=4 LEAD_IN=0 $BENCH reads "$tenants" 1 > /dev/null
echo "$tenants tenants ready in $(( $(date +%s) - started )) s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
private_memory started
export TENANTS_READY=1
for minute in $(seq 1 "$minutes"); do
  # No lead-in: the memory is read after each minute of reads, as many as before.
  CLIENTS=64 LEAD_IN=0 $BENCH reads "$tenants" 60 | tail -1
  private_memory "after minute $minute"
done
stop_server
