#!/usr/bin/env bash
# A Citus cluster on loopback for trying Tenantry beyond one PostgreSQL: a coordinator and two
# workers (Debian's PostgreSQL 15 with Citus installed by build.sh), schema-based sharding on, so
# each schema created on the coordinator (a tenant's) becomes a distributed schema placed on one
# worker. Idempotent: `start` initialises what is missing and starts what is stopped.
# Usage: bench/citus/cluster.sh start|stop|reset|status|psql [ARGS…]   (reset: a new empty cluster)
# CITUS_DIR (default /tmp/tenantry-citus) holds the three data folders and the socket folder, owned by
# nobody (PostgreSQL refuses to run as root); CITUS_PORT (default 25432) is the coordinator's port,
# the workers listen on the next two (below 32768: Linux hands out local ports from 32768 on to
# outgoing connections, and one of them held 55434 once, so a worker could not start).
# Tenantry's database is `tenantry`, user postgres, no password:
#   DB_URL=jdbc:postgresql://localhost:25432/tenantry
set -euo pipefail
dir=${CITUS_DIR:-/tmp/tenantry-citus}
port=${CITUS_PORT:-25432}
bin=/usr/lib/postgresql/15/bin
nodes="coordinator:$port worker1:$((port + 1)) worker2:$((port + 2))"
as_nobody() { runuser -u nobody -- "$@"; }
q() { as_nobody $bin/psql -X -At -h "$dir/sock" -p "$1" -U postgres -d "${3:-tenantry}" -c "$2"; }
sql() { as_nobody $bin/psql -X -q -v ON_ERROR_STOP=1 -h "$dir/sock" -p "$1" -U postgres -d "${3:-tenantry}" -c "$2"; }

start() {
  [ -f "$($bin/pg_config --pkglibdir 2>/dev/null || echo /usr/lib/postgresql/15/lib)/citus.so" ] \
    || [ -f /usr/lib/postgresql/15/lib/citus.so ] || { echo "Citus is not installed: run bench/citus/build.sh first"; exit 1; }
  mkdir -p "$dir/sock"; chown nobody "$dir" "$dir/sock"
  for node in $nodes; do
    name=${node%%:*} p=${node##*:}
    if [ ! -f "$dir/$name/PG_VERSION" ]; then
      as_nobody $bin/initdb -D "$dir/$name" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > "$dir/$name.initdb.log"
      # Citus first in shared_preload_libraries (it refuses otherwise); pg_stat_statements with
      # planning tracked, as Tenantry's tests need it; wal_level logical for moving schemas between
      # workers (citus_schema_move copies by logical replication); fsync off: a throwaway cluster.
      cat >> "$dir/$name/postgresql.conf" <<CONF
listen_addresses = 'localhost'
port = $p
unix_socket_directories = '$dir/sock'
shared_preload_libraries = 'citus,pg_stat_statements'
pg_stat_statements.track_planning = on
max_connections = 400
shared_buffers = 128MB
wal_level = logical
max_replication_slots = 20
max_wal_senders = 20
fsync = off
synchronous_commit = off
full_page_writes = off
citus.enable_schema_based_sharding = on
citus.max_client_connections = 400
CONF
    fi
    if ! as_nobody $bin/pg_ctl -D "$dir/$name" status > /dev/null 2>&1; then
      as_nobody $bin/pg_ctl -D "$dir/$name" -l "$dir/$name.log" -w start > /dev/null
    fi
    if [ -z "$(q "$p" "SELECT 1 FROM pg_database WHERE datname = 'tenantry'" postgres)" ]; then
      sql "$p" "CREATE DATABASE tenantry" postgres
    fi
    # Only when missing: once a worker is in the cluster, it refuses DDL of its own, even a no-op.
    for extension in citus pg_stat_statements; do
      [ -n "$(q "$p" "SELECT 1 FROM pg_extension WHERE extname = '$extension'")" ] || sql "$p" "CREATE EXTENSION $extension"
    done
  done
  if [ "$(q "$port" "SELECT count(*) FROM pg_dist_node WHERE noderole = 'primary' AND groupid <> 0")" != 2 ]; then
    sql "$port" "SELECT citus_set_coordinator_host('localhost', $port)"
    sql "$port" "SELECT citus_add_node('localhost', $((port + 1)))"
    sql "$port" "SELECT citus_add_node('localhost', $((port + 2)))"
  fi
  status
}

stop() {
  for node in $nodes; do
    name=${node%%:*}
    [ -f "$dir/$name/PG_VERSION" ] && as_nobody $bin/pg_ctl -D "$dir/$name" -m fast stop > /dev/null 2>&1 || true
  done
}

status() {
  as_nobody $bin/psql -X -h "$dir/sock" -p "$port" -U postgres -d tenantry -c \
    "SELECT nodename, nodeport, groupid, noderole, shouldhaveshards FROM pg_dist_node ORDER BY groupid"
  echo "DB_URL=jdbc:postgresql://localhost:$port/tenantry"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  reset) stop; rm -rf "$dir"; start ;;
  status) status ;;
  psql) shift; as_nobody $bin/psql -X -h "$dir/sock" -p "$port" -U postgres -d tenantry "$@" ;;
  *) echo "usage: $0 start|stop|reset|status|psql [ARGS…]"; exit 2 ;;
esac
