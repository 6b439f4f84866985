#!/usr/bin/env bash
# The whole Citus check of bench/README.md ("Beyond one PostgreSQL: Citus"): builds Citus from the
# source folder given (skip with SKIP_BUILD=1 once installed), starts a fresh coordinator and two
# workers on loopback (cluster.sh reset), runs Tenantry on the coordinator (`mvn -Prun,bench`, as
# bench/soak.sh does), the routing soak, the tenants' placement, one tenant moved between the
# workers under a read load (move.sh), then stops the server and runs the isolation and routing
# integration tests with DB_URL on the coordinator. Not part of .ci/run (it builds a PostgreSQL
# extension and needs root for it).
# Usage: [SKIP_BUILD=1] [SOAK_SECONDS=180] bench/citus/run.sh CITUS_SOURCE_FOLDER
set -euo pipefail
here=$(dirname "$0")
root=$(cd "$here/../.." && pwd)
[ "${SKIP_BUILD:-0}" = 1 ] || "$here/build.sh" "${1:?give the folder of a Citus source tree}"
"$here/cluster.sh" reset
export DB_URL=jdbc:postgresql://localhost:${CITUS_PORT:-25432}/tenantry
export DATA_DIR=$root/target/citus-bench-data HTTP_PORT=${HTTP_PORT:-8391}
rm -rf "$DATA_DIR"
# bench/common.sh starts the server (DB_URL when set); it moves to its own script's parent folder,
# which for this script is bench/, so back to the project's root.
source "$here/../common.sh"
cd "$root"
start_server
$BENCH soak 50 64 "${SOAK_SECONDS:-180}" | tee target/citus-soak.txt
echo "tenant schemas per worker:"
bench/citus/cluster.sh psql -c "SELECT s.nodeport AS worker, count(DISTINCT c.relnamespace) AS tenants
  FROM citus_shards s JOIN pg_class c ON c.oid = s.table_name GROUP BY 1 ORDER BY 1" | tee target/citus-placement.txt
bench/citus/move.sh bench-0 60 16 | tee target/citus-move.txt
stop_server
# The tests on a fresh cluster, as on their own embedded database: the soak's server made the
# bootstrap super-user with ADMIN_PASSWORD, so the tests' sign-ins as admin would fail (and be throttled).
bench/citus/cluster.sh reset > /dev/null
env -u ADMIN_PASSWORD -u ADMIN -u DATA_DIR -u HTTP_PORT -u BASE mvn -B verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest=none \
  -Dit.test='CitusPlacementIT,ConcurrentTenantsIT,TenantIsolationIT,TenantProvisioningIT,CrossSiteWritesIT,DirectLinksIT,HostileTenantBrowserIT,MembersIT,ArchiveIT,HostileArchiveIT,ReadySchemasIT,MigrationReplayIT,UpgradeOnRequestIT'
