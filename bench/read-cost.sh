#!/usr/bin/env bash
# What a read costs, reads over 10 tenants against reads spread over a whole fleet: the CPU per read of Payara
# Micro and of PostgreSQL (all its processes, from /proc), and, from pg_stat_statements, PostgreSQL's statements
# in each phase: calls, plans, planning and execution time, the costliest statements. Usage: [CLIENTS=16]
# [ROUNDS=2] [WARMUP=200] [TENANT_PREFIX=bench-] [DATA_DIR=target/bench-data] bench/read-cost.sh TENANTS
# [SECONDS=60]. The fleet must hold the tenants TENANT_PREFIX0 … TENANT_PREFIX(TENANTS-1) with products: by default those of
# bench/postgres-memory.sh (bench-…, in target/bench-data; for bench/fleet.sh's, TENANT_PREFIX=fleet-
# DATA_DIR=target/bench-fleet-data). After WARMUP seconds of reads over the fleet and 60 over 10 tenants (the JIT
# and the connections' caches), ROUNDS rounds of SECONDS over 10 tenants and SECONDS over the fleet. The
# embedded PostgreSQL only (it preloads pg_stat_statements; the extension is created if missing). The extension
# keeps 5,000 statements and tells each tenant's apart (their tables differ), so over a large fleet most
# tenants' statements are not in its totals; the route, the token lookup and the memory readings are, being one
# statement for every tenant. Each phase also prints how many requests drew from their connection lane and how
# many found it full (tenancy.ConnectionLanes' timer on /metrics), and the pools' backends: how many opened in
# the phase and the lanes' private memory, the blocks PostgreSQL read from outside its shared_buffers, and Payara
# Micro's garbage collections (jstat: pauses, young and full, and their time), and the CPU seconds of each kind of
# process on the machine over its timed reads (bench/MachineCpu.java: Payara, the load generator, PostgreSQL's backends
# and its autovacuum workers, …; the paced phases also around each burst of slow reads). Pass
# DB_LANE_CONNECTIONS and DB_CONNECTION_MEMORY_MB as the server should run, and POSTGRES_SETTINGS="shared_buffers=2GB"
# to size the embedded PostgreSQL as a server for the fleet would be (kept in its data folder: see below). PACED=RATE adds
# a round at a fixed rate (below), and INTERLEAVE=SECONDS (with PACED) one more at that rate over 10 tenants and the
# fleet by turns, SLICE (10) seconds at a time, at least SECONDS of each (Bench.java interleaved).
export DATA_DIR=${DATA_DIR:-$(cd "$(dirname "$0")/.." && pwd)/target/bench-data}
source "$(dirname "$0")/common.sh"
[ -z "$GIVEN_DB_URL" ] || { echo "bench/read-cost.sh reads the embedded PostgreSQL's statements: unset DB_URL" >&2; exit 1; }
tenants=${1:?"the number of tenants to read from"}; seconds=${2:-60}; rounds=${ROUNDS:-2}
export TENANTS_READY=1 TENANT_PREFIX=${TENANT_PREFIX:-bench-} CLIENTS=${CLIENTS:-16}
PSQL=$(command -v psql || { ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -1; } || true)
[ -n "$PSQL" ] || { echo "bench/read-cost.sh needs psql (apt-get install -y postgresql-client)" >&2; exit 1; }
sql() { "$PSQL" -h localhost -p "$(sed -n 4p "$DATA_DIR/postgres/postmaster.pid")" -U postgres -d postgres -Atqc "$1"; }
# Checked before the server starts and the warm-up, which may last half an hour.
if [ -n "${INTERLEAVE:-}" ]; then
  [[ $INTERLEAVE =~ ^[1-9][0-9]*$ && ${PACED:-} =~ ^[1-9][0-9]*$ ]] \
    || { echo "INTERLEAVE=SECONDS needs PACED, the reads a second, both whole numbers above 0" >&2; exit 1; }
fi
start_server
# Stopped however the script ends, so that a failure does not leave it holding the port and the database.
trap 'kill ${GC_SAMPLER:-} ${CPU_SAMPLER:-} ${BENCH_PID:-} 2> /dev/null || true; stop_server 2> /dev/null || true' EXIT
# POSTGRES_SETTINGS="name=value …" (shared_buffers=2GB): settings of the embedded PostgreSQL, written with ALTER SYSTEM
# into its data folder, where they stay for later runs (set them back the same way), and applied by starting again.
# A value PostgreSQL reports otherwise (2048MB as 2GB) is only written again, at the price of one more restart.
restart=0
set -f
for setting in ${POSTGRES_SETTINGS:-}; do
  [[ ${setting%%=*} =~ ^[a-z_.]+$ ]] || { echo "POSTGRES_SETTINGS: '${setting%%=*}' is not a setting's name" >&2; exit 1; }
  value=${setting#*=}; value=${value//\'/\'\'}
  [ "$(sql "SELECT current_setting('${setting%%=*}')")" = "${setting#*=}" ] && continue
  sql "ALTER SYSTEM SET ${setting%%=*} = '$value'" > /dev/null; restart=1
done
set +f
if [ $restart = 1 ]; then stop_server; start_server; fi
echo "PostgreSQL: shared_buffers $(sql "SELECT current_setting('shared_buffers')")"
sql "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS pg_stat_statements" > /dev/null
BENCH_TOKEN=$($BENCH token); export BENCH_TOKEN
# The fleet's first and last tenants answer, or every read would count as an error (TENANTS_READY=1 creates none).
for label in "${TENANT_PREFIX}0" "$TENANT_PREFIX$((tenants - 1))"; do
  # The header from standard input: the super-user's token stays out of the process list.
  status=$(printf 'Authorization: Bearer %s\n' "$BENCH_TOKEN" | curl -s -o /dev/null -w '%{http_code}' \
    -H "Host: $label.${DOMAIN:-localhost}" -H @- "$BASE/api/products")
  [ "$status" = 200 ] || { echo "bench/read-cost.sh: tenant $label answered $status, not 200: make the fleet first (bench/postgres-memory.sh $tenants into target/bench-data, or bench/fleet.sh's: TENANT_PREFIX=fleet- DATA_DIR=target/bench-fleet-data)" >&2; exit 1; }
done
# Checked before the warm-up, which may last half an hour.
JSTAT=$(dirname "$(readlink -f "/proc/$PAYARA/exe")")/jstat
[ -x "$JSTAT" ] && "$JSTAT" -gc "$PAYARA" > /dev/null \
  || { echo "bench/read-cost.sh needs the JDK's jstat beside the server's java ($JSTAT), able to read its JVM" >&2; exit 1; }
# Each of Payara's pauses, logged with the wall-clock time it ended (unified logging, switched on in the running JVM),
# for the interleaved round to tell which reads a collection stopped (Bench.java's collectionsMet). GC_LOG_WHAT (gc)
# chooses what is logged: gc*=debug adds each young collection's survivors and promotion.
rm -f target/read-cost-pauses.log
"$(dirname "$JSTAT")/jcmd" "$PAYARA" VM.log output="file=$PWD/target/read-cost-pauses.log" what="${GC_LOG_WHAT:-gc}" \
  decorators=time >&2 && [ -e target/read-cost-pauses.log ] \
  || { echo "bench/read-cost.sh could not switch on Payara's GC log with jcmd (VM.log)" >&2; exit 1; }
# The requests timed by the pool they drew from (tenancy.ConnectionLanes): "lane" and "main" (their lane was
# full), each as its count and its seconds in all, from the master host's /metrics.
lane_requests() {
  # The header from standard input: the super-user's token stays out of the process list.
  printf 'Authorization: Bearer %s\n' "$BENCH_TOKEN" | curl -fsS -H @- "$BASE/metrics" | awk '
    /^tenantry_db_lane_requests_seconds_(count|sum)\{pool="(lane|main)"/ { match($0, /pool="[a-z]+"/); n[substr($0, RSTART + 6, RLENGTH - 7) ($1 ~ /_count/ ? "count" : "sum")] = $2 }
    END { printf "%d %.3f %d %.3f", n["lanecount"], n["lanesum"], n["maincount"], n["mainsum"] }'
}
RATE=0 LEAD_IN=0 $BENCH reads "$tenants" "${WARMUP:-200}" > /dev/null
# JFR=1: the recording starts before the last minute of warm-up, which takes the stall of its start (seconds: the
# first phase after it measured a p50 of 1.9 s), and each paced phase is written out at its end.
[ "${JFR:-0}" = 1 ] && "$(dirname "$JSTAT")/jcmd" "$PAYARA" JFR.start name=read-cost settings=profile > /dev/null
RATE=0 LEAD_IN=0 $BENCH reads 10 60 > /dev/null
# Blocks PostgreSQL read into shared_buffers so far (from the operating system's cache or the disk).
blocks_read() {
  sql "SELECT sum(blks_read) FROM pg_stat_database"
}
# The pools' backends (the lanes' by their application_name), how many opened since the database's time $1 (the
# pool retired as many, or grew), and the lanes' private memory (smaps_rollup: what DB_CONNECTION_MEMORY_MB bounds).
backends() {
  sql "SELECT pid, CASE WHEN application_name LIKE 'tenantry-lane-%' THEN 'lane' ELSE 'main' END,
      (backend_start > '$1'::timestamptz)::int FROM pg_stat_activity
      WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND datname = current_database()" \
    | while IFS='|' read -r pid pool opened; do
        # A backend that ended meanwhile has no file left: 0.
        kb=$(awk '/^Private_(Clean|Dirty)/ {kb += $2} END {print kb + 0}' "/proc/$pid/smaps_rollup" 2>/dev/null || true)
        echo "$pool $opened ${kb:-0}"
      done | sort -k3 -n | awk '{ n[$1]++; opened[$1] += $2; if ($1 == "lane") mb[++lanes] = $3 / 1024 }
        END { printf "  backends: lanes %d (%d opened in the phase), private memory median %.1f MB, largest %.1f MB; main pool %d (%d opened)\n",
          n["lane"], opened["lane"], lanes ? mb[int((lanes + 1) / 2)] : 0, lanes ? mb[lanes] : 0, n["main"], opened["main"] }'
}
# Payara Micro's collections so far, from its JVM's counters (jstat, of the JDK the server runs on, one process
# sampling every 200 ms from here on: a jstat started when a phase begins would take CPU from its reads): young ones and
# their seconds, full ones and their seconds. The server runs -XX:+UseSerialGC (devserver.DevServer), so each is a
# pause of every request.
: > target/read-cost-gc.txt
"$JSTAT" -gc "$PAYARA" 200 > target/read-cost-gc.txt &
GC_SAMPLER=$!
# Its first sample, before any phase reads one (jstat takes a moment to attach), within 30 s.
for _ in $(seq 300); do
  [ "$(wc -l < target/read-cost-gc.txt)" -lt 2 ] || break
  kill -0 "$GC_SAMPLER" 2> /dev/null || break
  sleep 0.1
done
[ "$(wc -l < target/read-cost-gc.txt)" -ge 2 ] || { echo "jstat -gc $PAYARA gave no sample: $(cat target/read-cost-gc.txt)" >&2; exit 1; }
# What ran on the machine's two cores, process by process (bench/MachineCpu.java, about every 250 ms, from here on;
# CPU_SAMPLE=0 turns it off): each phase prints the CPU-seconds of each kind of process over its timed reads (the load
# generator's, PostgreSQL's autovacuum workers', the sampler's own, about 1 % of the machine …), and the paced phases
# the same around each of their 8 largest bursts of slow reads.
if [ "${CPU_SAMPLE:-1}" != 0 ]; then
  export CPU_SAMPLES=$PWD/target/read-cost-cpu.txt CLK_TCK
  $MACHINE_CPU sample "$CPU_SAMPLES" 2> target/read-cost-cpu.err &
  CPU_SAMPLER=$!
fi
# The sampler still runs (it would end with a message in target/read-cost-cpu.err).
cpu_sampler_alive() {
  [ -z "${CPU_SAMPLER:-}" ] || kill -0 "$CPU_SAMPLER" 2> /dev/null \
    || { echo "the CPU sampler ended: $(cat target/read-cost-cpu.err)" >&2; return 1; }
}
# The last whole sample: as many fields as the header (the last line may be half written).
gc_pauses() {
  kill -0 "$GC_SAMPLER" 2> /dev/null || { echo "the jstat sampler of Payara's collections ended" >&2; return 1; }
  { head -1 target/read-cost-gc.txt; tail -2 target/read-cost-gc.txt; } | awk 'NR == 1 { n = NF; for (i = 1; i <= NF; i++) at[$i] = i; next }
    NF == n { s = sprintf("%d %.3f %d %.3f", $at["YGC"], $at["YGCT"], $at["FGC"], $at["FGCT"]) } END { printf "%s", s }'
}
# The counters before a phase's timed reads (bench_timed runs this once their lead-in is over).
# Few processes, one psql among them: they run beside the timed reads.
take_counters() {
  # Assigned first, so that a failing psql ends the script (set -e does not see one inside a here-string).
  local counters
  counters=$(sql "SELECT pg_stat_statements_reset(), now(), (SELECT sum(blks_read) FROM pg_stat_database)")
  IFS='|' read -r _ started blocks0 <<< "$counters"
  web0=$(payara_cpu); pg0=$(postgres_cpu); lanes0=$(lane_requests); gc0=$(gc_pauses)
  cpu_sampler_alive
}
# PACED=RATE: after the rounds, one more ("paced") of SECONDS over each at RATE reads a second whatever the answers'
# times (Bench.java's RATE; each read timed from when it was due): latency at a load both phases can carry, where the
# rounds before measure a closed loop, whose p99 is mostly the queue of a saturated server. Its reads of SLOW_MS (100)
# or more are listed in bursts (Bench.java), and JFR=1 records Payara Micro from the warm-up's last minute on
# (settings=profile: collections, waits for locks, parks and socket reads of 10 ms or more), written out at the end of
# each paced phase into target/read-cost-paced-PHASE.jfr.
for round in $(seq 1 "$rounds") ${PACED:+paced}; do
  for phase in 10 "$tenants"; do
    RATE=$([ "$round" = paced ] && echo "$PACED" || echo 0) bench_timed take_counters reads "$phase" "$seconds"
    # Printed before the counters are read: a counter that fails (a sampler that died) ends the script, not the result.
    out=$(cat target/bench-timed.out)
    line=$(tail -1 <<< "$out")
    echo "round $round: $line"
    # The paced round's slow reads, in bursts (Bench.java), under its summary.
    head -n -1 <<< "$out" | sed 's/^/  /'
    web1=$(payara_cpu); pg1=$(postgres_cpu); lanes1=$(lane_requests); blocks1=$(blocks_read); gc1=$(gc_pauses)
    cpu_sampler_alive
    if [ "$round" = paced ] && [ "${JFR:-0}" = 1 ]; then
      # The recording so far (from the warm-up's last minute on): the phase is its last SECONDS.
      "$(dirname "$JSTAT")/jcmd" "$PAYARA" JFR.dump name=read-cost filename="$PWD/target/read-cost-paced-$phase.jfr" > /dev/null
      echo "  JFR (settings=profile), its last $seconds s this phase: target/read-cost-paced-$phase.jfr"
    fi
    awk -v a="$gc0" -v b="$gc1" 'BEGIN { split(a, x, " "); split(b, y, " ")
      printf "  Payara collections: %d young (%.0f ms in all), %d full (%.0f ms in all)\n", y[1] - x[1], (y[2] - x[2]) * 1000,
        y[3] - x[3], (y[4] - x[4]) * 1000 }'
    awk -v a="$lanes0" -v b="$lanes1" 'BEGIN { split(a, x, " "); split(b, y, " "); lane = y[1] - x[1]; main = y[3] - x[3]
      if (lane + main == 0) { print "  lanes: none (DB_LANE_CONNECTIONS=0, or no lane pools)"; exit }
      printf "  lanes: %d requests in their lane (mean %.1f ms), %d (%.2f %%) on the main pool, their lane full (mean %.1f ms)\n",
        lane, lane ? (y[2] - x[2]) * 1000 / lane : 0, main, main * 100 / (lane + main), main ? (y[4] - x[4]) * 1000 / main : 0 }'
    reads=$(echo "$line" | grep -oE '[0-9]+ req/s' | grep -oE '^[0-9]+')
    awk -v w="$web0 $web1" -v p="$pg0 $pg1" -v n=$((reads * seconds + 1)) -v blocks=$((blocks1 - blocks0)) 'BEGIN { split(w, a, " "); split(p, b, " ");
      printf "  CPU per read: Payara %.0f µs, PostgreSQL %.0f µs; %.1f blocks a read from outside shared_buffers\n",
        (a[2] - a[1]) * 1e6 / n, (b[2] - b[1]) * 1e6 / n, blocks / n }'
    backends "$started"
    sql "SELECT 'statements: ' || sum(calls) || ' calls, ' || sum(plans) || ' plans, ' || round(sum(total_plan_time)) || ' ms planning, '
      || round(sum(total_exec_time)) || ' ms executing' FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'" | sed 's/^/  /'
    echo "  costliest (calls | plans | planning ms | executing ms | statement, its tag left out):"
    sql "SELECT calls || ' | ' || plans || ' | ' || round(total_plan_time) || ' | ' || round(total_exec_time) || ' | '
      || left(regexp_replace(query, '^/\*[^*]*\*/ ', ''), 90) FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'
      ORDER BY total_plan_time + total_exec_time DESC LIMIT 5" | sed 's/^/    /'
  done
done
# INTERLEAVE=SECONDS (with PACED): one more round at PACED reads a second over 10 tenants and over the fleet by turns,
# SLICE (10) seconds at a time in blocks of four (10 tenants, fleet, fleet, 10 tenants), at least SECONDS of each, on one
# schedule (Bench.java interleaved): both kinds meet the same collections, compiler work and autovacuum passes, where
# the rounds above give each kind a minute of its own and whatever falls in it. Each slice's p99 is printed.
# Only the collections are counted there, at the mark: the other counters' psql, curl and /proc reads would fall in the
# first slice, always one of 10 tenants.
interleave_start() {
  gc0=$(gc_pauses)
  cpu_sampler_alive
}
if [ -n "${INTERLEAVE:-}" ]; then
  RATE=$PACED PAYARA_GC_LOG=$PWD/target/read-cost-pauses.log bench_timed interleave_start interleaved "$tenants" "$INTERLEAVE"
  echo "round interleaved: $(tail -1 target/bench-timed.out)"
  head -n -1 target/bench-timed.out | sed 's/^/  /'
  gc1=$(gc_pauses); cpu_sampler_alive
  awk -v a="$gc0" -v b="$gc1" 'BEGIN { split(a, x, " "); split(b, y, " ")
    printf "  Payara collections: %d young (%.0f ms in all), %d full (%.0f ms in all)\n", y[1] - x[1], (y[2] - x[2]) * 1000,
      y[3] - x[3], (y[4] - x[4]) * 1000 }'
fi
