#!/usr/bin/env bash
# PostgreSQL restarted (pg_ctl restart -m fast) under write load: what the writers were answered
# during the outage, and acknowledged writes vs rows stored.
# Usage: bench/restart.sh [CLIENTS=16] [SECONDS=30]   (the restart comes after a third of SECONDS)
source "$(dirname "$0")/common.sh"
start_server
DATA="$DATA_DIR/postgres"
$BENCH outage "${1:-16}" "${2:-30}" &
LOAD=$!
sleep $(( ${2:-30} / 3 ))
POSTMASTER=$(head -1 "$DATA/postmaster.pid")
PG_CTL="$(dirname "$(readlink "/proc/$POSTMASTER/exe")")/pg_ctl"
# pg_ctl refuses to run as root; the embedded server itself runs in a user namespace for the same reason.
AS_USER=""; [ "$(id -u)" = 0 ] && AS_USER="unshare -U"
started=$(date +%s%N)
$AS_USER "$PG_CTL" -D "$DATA" -m fast -w -l "$PWD/target/bench-postgres-restart.log" restart > /dev/null
echo "pg_ctl restart took $(( ($(date +%s%N) - started) / 1000000 )) ms"
wait $LOAD
stop_server
