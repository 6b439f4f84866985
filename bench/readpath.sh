#!/usr/bin/env bash
# Tenantry alone on bench/peer.sh's read: what one request costs the server, to compare two commits or two pool
# settings without building the peer. Usage: [JFR=1] bench/readpath.sh [SECONDS=30]
# One cold start (-Xms and -Xmx $JAVA_HEAP, 256m as peer.sh), 100 publicly readable tenants peer-0 … of 10 products with 3
# versions each (Bench.java peer-tenants), then wrk (16 connections, 2 threads, the Host rotated by
# bench/peer/rotate.lua) on GET /api/products, anonymously and with the super-user's bearer token: SECONDS of
# warm-up each, then SECONDS each measured. Prints per kind req/s, p50, p99, failed answers, and the server CPU per
# request (Payara Micro's, and its PostgreSQL's: every process of DATA_DIR's, from /proc). JFR=1 then records a
# profile (settings=profile) of SECONDS more anonymous reads into target/readpath.jfr.
# To measure an earlier commit: check it out in a clone, copy this file, common.sh, Bench.java, MachineCpu.java and peer/rotate.lua
# into its bench/, and start it as today's server starts (before 2026-12-01 evening, DevServer needs
# "-XX:+UseSerialGC" added to its command and the script MALLOC_ARENA_MAX=2 in its environment; bench/README.md,
# "The read path against the code issue 18 was filed on").
# Needs what every bench script needs (JDK 17 with jcmd, Maven, one build done: common.sh takes the PostgreSQL
# driver from ~/.m2) and Debian's wrk. Keeps its tenants in DATA_DIR_PEER (target/bench-peer-data), as peer.sh.
export JAVA_HEAP=${JAVA_HEAP:-256m}
source "$(dirname "$0")/common.sh"
export DATA_DIR=${DATA_DIR_PEER:-$PWD/target/bench-peer-data}
seconds=${1:-30}
command -v wrk > /dev/null || { echo "bench/readpath.sh needs wrk: apt-get install -y wrk" >&2; exit 1; }
trap 'stop_server' EXIT
start_server
token=$($BENCH peer-tenants 100 10 3)
run() { TENANTS=100 TOKEN=$2 wrk -t 2 -c 16 -d "${1}s" -s bench/peer/rotate.lua "$BASE" | grep '^RESULT'; }
run "$seconds" "" > /dev/null
run "$seconds" "$token" > /dev/null
echo "Load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
for kind in anonymous token; do
  bearer=""; [ "$kind" = token ] && bearer=$token
  web0=$(payara_cpu); pg0=$(postgres_cpu)
  read -r _ requests rate p50 p99 bad <<< "$(run "$seconds" "$bearer")"
  web1=$(payara_cpu); pg1=$(postgres_cpu)
  echo "$kind $requests $rate $p50 $p99 $bad $web0 $web1 $pg0 $pg1" | awk '{ printf "%-9s %6.0f req/s  p50 %6.2f ms  p99 %7.2f ms  failed %s  server %5.0f µs/request (Payara) + %5.0f µs (PostgreSQL)\n",
    $1, $3, $4, $5, $6, ($8 - $7) * 1e6 / $2, ($10 - $9) * 1e6 / $2 }'
done
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${JFR:-0}" = 1 ]; then
  jcmd "$PAYARA" JFR.start name=readpath settings=profile > /dev/null
  run "$seconds" "" > /dev/null
  jcmd "$PAYARA" JFR.dump name=readpath filename="$PWD/target/readpath.jfr" > /dev/null
  echo "Profile of $seconds s of anonymous reads: target/readpath.jfr (jfr print --events jdk.ExecutionSample)"
fi
