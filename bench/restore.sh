#!/usr/bin/env bash
# One tenant restored to a restore point while CLIENTS readers load another: the neighbour's answers
# and latencies before, during and after, and what the restored tenant answered meanwhile.
# Usage: bench/restore.sh [CLIENTS=16] [CASES=5000] [FILES=20]   (FILES attachments of 1 MiB)
source "$(dirname "$0")/common.sh"
start_server
trap stop_server EXIT
$BENCH restore "${1:-16}" "${2:-5000}" "${3:-20}" | tee target/bench-restore.txt
