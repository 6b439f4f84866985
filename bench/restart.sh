#!/usr/bin/env bash
# PostgreSQL restarted under write load (pg_ctl stop -m fast, DOWN seconds down, pg_ctl start): what
# the writers were answered during the outage, and acknowledged writes vs rows stored.
# Usage: [DOWN=4.5] bench/restart.sh [CLIENTS=16] [SECONDS=30]   (the restart comes after a third of SECONDS)
source "$(dirname "$0")/common.sh"
start_server
trap stop_server EXIT  # also when the load fails: the server and its database must not outlive the run
DATA="$DATA_DIR/postgres"
$BENCH outage "${1:-16}" "${2:-30}" | tee target/bench-outage.txt &
LOAD=$!
until grep -q "writers started" target/bench-outage.txt 2>/dev/null; do sleep 0.2; done
sleep $(( ${2:-30} / 3 ))
POSTMASTER=$(head -1 "$DATA/postmaster.pid")
PG_CTL="$(dirname "$(readlink "/proc/$POSTMASTER/exe")")/pg_ctl"
# pg_ctl refuses to run as root; the embedded server itself runs in a user namespace for the same reason.
AS_USER=""; [ "$(id -u)" = 0 ] && AS_USER="unshare -U"
# The server's own command line, so that it comes back on the same port with the same settings.
OPTIONS=$(cut -d' ' -f2- "$DATA/postmaster.opts")
started=$(date +%s%N)
$AS_USER "$PG_CTL" -D "$DATA" -m fast -w stop > /dev/null
sleep "${DOWN:-4.5}"
$AS_USER "$PG_CTL" -D "$DATA" -w -l "$PWD/target/bench-postgres-restart.log" -o "$OPTIONS" start > /dev/null
echo "PostgreSQL down and back in $(( ($(date +%s%N) - started) / 1000000 )) ms"
wait $LOAD
