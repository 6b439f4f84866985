#!/usr/bin/env bash
# Tenantry against a django-tenants + gunicorn peer serving the same JSON, on this machine, in one run.
# Usage: bench/peer.sh DJANGO_TENANTS_SOURCE [SECONDS=60]
#   DJANGO_TENANTS_SOURCE: a folder holding django-tenants' public source (its django_tenants/ package);
#   Debian 12's Django is 3.2, which django-tenants v3.5.0 is the last release to support.
# Both sides: TENANTS (100) publicly readable tenants peer-0 … holding PRODUCTS (10) products of VERSIONS (3)
# versions each; wrk with CONNECTIONS (16) connections on THREADS (2) threads, the Host rotated over the
# tenants, GET /api/products anonymously and with a bearer token (Tenantry: the super-user's API token, an
# owner of every tenant; Django: a token looked up in a table, its account's membership of the tenant checked).
# Prints per side and kind: req/s, p50, p99, server CPU per request (the web server's processes and its
# PostgreSQL's, from /proc), the resident memory of the web server (the JVM; gunicorn's master and workers
# summed) and the proportional memory of its PostgreSQL (whose backends share its buffers), the highest seen
# under load (sampled every second), and the SQL statements and transactions per request (pg_stat_statements,
# pg_stat_database); then Tenantry's heap after a full GC. Both sides are warmed up first (SECONDS per kind).
# Needs Debian's python3-django gunicorn python3-psycopg2 wrk postgresql-15; installs nothing itself.
# Settings: WORKERS (gunicorn's sync workers, 2 × cores + 1 = 5), PEER_HTTP_PORT (18590), PEER_PG_PORT (55432),
# PEER_PG_DIR (/tmp/tenantry-peer-pg, the peer's database; kept, as DATA_DIR is, so a rerun skips building).
# 256 MiB: what reads alone need under this load (95 MiB after a full GC, × 2.7); docs/deploy.md
# recommends 512m once imports are counted.
export JAVA_HEAP=${JAVA_HEAP:-256m}
# Tenantry's side is measured on its embedded PostgreSQL (its processes, its pg_stat_statements): a DB_URL
# left exported (bench/citus/) would start it elsewhere and leave nothing here to read.
[ -z "${DB_URL:-}" ] || { echo "bench/peer.sh runs Tenantry on its embedded PostgreSQL: unset DB_URL" >&2; exit 1; }
source "$(dirname "$0")/common.sh"
source_dir=${1:?"usage: bench/peer.sh DJANGO_TENANTS_SOURCE [SECONDS]"}
# 60: on two cores Payara's JIT compiler threads (C2) took about 13 % of its CPU through two minutes of warm-up
# (60 s per kind) and still 8–13 % in the anonymous measurement after it, 0–2 % in the token one (bench/README.md,
# stop 39): with 30 s, more of the compiler's work is counted as the requests'.
seconds=${2:-60}
tenants=${TENANTS:-100}; products=${PRODUCTS:-10}; versions=${VERSIONS:-3}
connections=${CONNECTIONS:-16}; threads=${THREADS:-2}; workers=${WORKERS:-5}
peer_port=${PEER_HTTP_PORT:-18590}; pg_port=${PEER_PG_PORT:-55432}; pg_dir=${PEER_PG_DIR:-/tmp/tenantry-peer-pg}
pg_bin=/usr/lib/postgresql/15/bin

missing=""
for package in python3-django gunicorn python3-psycopg2 wrk postgresql-15; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing="$missing $package"
done
if [ -n "$missing" ]; then
  echo "bench/peer.sh needs Debian packages it does not install itself: apt-get install -y$missing" >&2
  exit 1
fi
[ -d "$source_dir/django_tenants" ] || { echo "$source_dir holds no django_tenants/ (django-tenants' source)" >&2; exit 1; }

export DATA_DIR=${DATA_DIR_PEER:-$PWD/target/bench-peer-data}
peer_app=$PWD/bench/peer
answers=$PWD/target/peer-answers
export PEER_DB_HOST=$pg_dir PEER_DB_PORT=$pg_port PEER_DB_NAME=peer PYTHONPATH=$source_dir PYTHONDONTWRITEBYTECODE=1

GUNICORN=""
cleanup() {
  [ -n "$GUNICORN" ] && kill -TERM "$GUNICORN" 2>/dev/null && wait "$GUNICORN" 2>/dev/null
  [ -f "$pg_dir/data/postmaster.pid" ] && runuser -u nobody -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop > /dev/null
  [ -n "${SERVER:-}" ] && stop_server
}
trap cleanup EXIT

echo "Tenantry: starting (mvn -Prun,bench, heap $JAVA_HEAP), $tenants tenants of $products products × $versions versions"
# Tenantry's tenants are made once per DATA_DIR and the peer is loaded from their answers: a new DATA_DIR
# (after a clean build, say) means new answers, so the peer's database is made again too.
[ -d "$DATA_DIR" ] || rm -rf "$pg_dir"
start_server
token=$($BENCH peer-tenants "$tenants" "$products" "$versions")
rm -rf "$answers"; mkdir -p "$answers"
for i in $(seq 0 $((tenants - 1))); do
  curl -sf -H "Host: peer-$i.localhost" "$BASE/api/products" > "$answers/peer-$i.json"
done

echo "Django: PostgreSQL 15 in $pg_dir (port $pg_port), django-tenants from $source_dir"
if [ ! -d "$pg_dir/data" ]; then
  install -d -o nobody "$pg_dir"
  runuser -u nobody -- "$pg_bin/initdb" -D "$pg_dir/data" -A trust -E UTF8 --locale C.UTF-8 > /dev/null
fi
runuser -u nobody -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses='' -c shared_preload_libraries=pg_stat_statements" start > /dev/null
runuser -u nobody -- "$pg_bin/psql" -h "$pg_dir" -p "$pg_port" -d postgres -Atqc \
  "SELECT 1 FROM pg_database WHERE datname = 'peer'" | grep -q 1 \
  || runuser -u nobody -- "$pg_bin/createdb" -h "$pg_dir" -p "$pg_port" peer
runuser -u nobody -- "$pg_bin/psql" -h "$pg_dir" -p "$pg_port" -d peer -qc "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
psql -h localhost -p "$(sed -n 4p "$DATA_DIR/postgres/postmaster.pid")" -U postgres -d postgres -qc \
  "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
(cd "$peer_app" && /usr/bin/python3 manage.py migrate_schemas --shared -v 0 \
  && /usr/bin/python3 manage.py peer_load "$answers" localhost "$token" > /dev/null)
/usr/bin/gunicorn --chdir "$peer_app" --workers "$workers" --bind "127.0.0.1:$peer_port" --log-level warning \
  peersite.wsgi > "$pg_dir/gunicorn.log" 2>&1 &
GUNICORN=$!
for _ in $(seq 1 30); do curl -sf -o /dev/null -H "Host: peer-0.localhost" "http://127.0.0.1:$peer_port/api/products" && break; sleep 1; done
django_pg=$(head -1 "$pg_dir/data/postmaster.pid")

# The same JSON from both sides, byte for byte, anonymously and with the token.
for i in 0 $((tenants / 2)) $((tenants - 1)); do
  for auth in "" "Authorization: Bearer $token"; do
    a=$(curl -sf -H "Host: peer-$i.localhost" ${auth:+-H "$auth"} "$BASE/api/products")
    b=$(curl -sf -H "Host: peer-$i.localhost" ${auth:+-H "$auth"} "http://127.0.0.1:$peer_port/api/products")
    [ -n "$a" ] && [ "$a" = "$b" ] || { echo "peer-$i answers differ${auth:+ (with the token)}:"; echo "$a"; echo "$b"; exit 1; }
  done
done
echo "Same JSON on both sides ($(echo "$a" | wc -c) bytes for peer-$i)"

# Resident memory (kB) of the processes named: the sum now.
rss_of() {
  local kb=0 one
  for pid in "$@"; do one=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null); kb=$((kb + ${one:-0})); done
  echo $kb
}
# Proportional set size (kB): PostgreSQL's backends share its buffers, which RSS would count once per process.
pss_of() {
  local kb=0 one
  for pid in "$@"; do one=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null); kb=$((kb + ${one:-0})); done
  echo $kb
}
web_pids() { if [ "$1" = tenantry ]; then echo "$PAYARA"; else echo "$GUNICORN $(pgrep -P "$GUNICORN" | tr '\n' ' ')"; fi; }
pg_pids() {
  local postmaster
  if [ "$1" = tenantry ]; then postmaster=$(head -1 "$DATA_DIR/postgres/postmaster.pid"); else postmaster=$django_pg; fi
  echo "$postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')"
}
cpu_side() { # "web_seconds postgres_seconds" used so far (children: the processes that ended, counted by their parent)
  local postmaster
  if [ "$1" = tenantry ]; then
    postmaster=$(head -1 "$DATA_DIR/postgres/postmaster.pid")
    echo "$(cpu_of "$PAYARA") $(cpu_of $(pg_pids tenantry) "children:$postmaster")"
  else
    echo "$(cpu_of $(web_pids django) "children:$GUNICORN") $(cpu_of $(pg_pids django) "children:$django_pg")"
  fi
}

# SQL statements and transactions so far in the side's database (pg_stat_statements, pg_stat_database).
sql_of() {
  if [ "$1" = tenantry ]; then
    psql -h localhost -p "$(sed -n 4p "$DATA_DIR/postgres/postmaster.pid")" -U postgres -d postgres -Atqc "$2"
  else
    runuser -u nobody -- "$pg_bin/psql" -h "$pg_dir" -p "$pg_port" -d peer -Atqc "$2"
  fi
}
statements_of() {
  sql_of "$1" "SELECT (SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%'),
    (SELECT sum(xact_commit + xact_rollback) FROM pg_stat_database)" | tr '|' ' '
}

run_wrk() { # side kind seconds -> RESULT line, and the highest RSS seen in /tmp/peer-rss.$$
  local side=$1 kind=$2 secs=$3 url
  if [ "$side" = tenantry ]; then url=$BASE; else url=http://127.0.0.1:$peer_port; fi
  ( max_web=0; max_pg=0
    while :; do
      w=$(rss_of $(web_pids "$side")); p=$(pss_of $(pg_pids "$side"))
      [ "$w" -gt "$max_web" ] && max_web=$w; [ "$p" -gt "$max_pg" ] && max_pg=$p
      echo "$max_web $max_pg" > "/tmp/peer-rss.$$"; sleep 1
    done ) &
  local sampler=$!
  TENANTS=$tenants TOKEN=$([ "$kind" = token ] && echo "$token") wrk -t "$threads" -c "$connections" -d "${secs}s" \
    -s "$peer_app/rotate.lua" "$url" | grep '^RESULT'
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
}

echo "Warming up both sides ($seconds s each kind)"
for side in tenantry django; do for kind in anonymous token; do run_wrk $side $kind "$seconds" > /dev/null; done; done

echo "Load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-9s %-10s %8s %7s %7s %12s %11s %12s %11s %6s %6s\n' side kind req/s p50_ms p99_ms web_µs/req pg_µs/req web_RSS_MiB pg_PSS_MiB sql/r xact/r
for kind in anonymous token; do
  for side in tenantry django; do
    sql_of $side "SELECT pg_stat_statements_reset()" > /dev/null
    read -r statements0 xacts0 <<< "$(statements_of $side)"
    read -r web0 pg0 <<< "$(cpu_side $side)"
    read -r _ requests rate p50 p99 bad <<< "$(run_wrk $side $kind "$seconds")"
    read -r web1 pg1 <<< "$(cpu_side $side)"
    read -r statements1 xacts1 <<< "$(statements_of $side)"
    read -r rss_web rss_pg < "/tmp/peer-rss.$$"
    [ "$bad" = 0 ] || echo "$side $kind: $bad failed or non-2xx answers"
    echo "$side $kind $rate $p50 $p99 $web0 $web1 $pg0 $pg1 $requests $rss_web $rss_pg $statements0 $statements1 \
      $xacts0 $xacts1" | awk '{
      printf "%-9s %-10s %8.0f %7.2f %7.2f %12.0f %11.0f %12.0f %11.0f %6.2f %6.2f\n", $1, $2, $3, $4, $5,
        ($7 - $6) * 1e6 / $10, ($9 - $8) * 1e6 / $10, $11 / 1024, $12 / 1024, ($14 - $13) / $10, ($16 - $15) / $10 }'
  done
done
rm -f "/tmp/peer-rss.$$"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# What the heap must hold: Tenantry's live objects after a full GC, right after the load (jstat's used columns).
jcmd "$PAYARA" GC.run > /dev/null
jstat -gc "$PAYARA" | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
  NR == 2 { printf "Tenantry heap after a full GC: %.0f MiB used of %.0f MiB committed (-Xmx%s); metaspace %.0f MiB; " \
    "GC since the start: %d young collections, %.1f s in all\n",
    ($col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]) / 1024, ($col["S0C"] + $col["S1C"] + $col["EC"] + $col["OC"]) / 1024,
    ENVIRON["JAVA_HEAP"], $col["MU"] / 1024, $col["YGC"], $col["GCT"] }'

