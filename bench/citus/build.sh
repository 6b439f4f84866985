#!/usr/bin/env bash
# Builds Citus from a source folder (a 13.x release tree) against Debian's PostgreSQL 15 and installs
# it into /usr/lib/postgresql/15 (run as root). The build happens in a copy under target/, so the
# source folder is never changed. Needs Debian's postgresql-server-dev-15 and the headers its server
# headers include, which a fresh machine lacks (seen: lz4, then gssapi):
#   apt-get install postgresql-15 postgresql-server-dev-15 liblz4-dev libzstd-dev libkrb5-dev libssl-dev libxml2-dev \
#     libxslt1-dev libselinux1-dev libpam0g-dev libreadline-dev zlib1g-dev
# Usage: bench/citus/build.sh CITUS_SOURCE_FOLDER
set -euo pipefail
src=$(realpath "${1:?give the folder of a Citus source tree (e.g. a v13.2.2 export)}")
cd "$(dirname "$0")/../.."
build=$PWD/target/citus-build
PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
[ -x "$PG_CONFIG" ] || { echo "needs Debian's postgresql-server-dev-15 and headers (see this script's head; $PG_CONFIG is missing)"; exit 1; }
rm -rf "$build"; mkdir -p "$build"; cp -a "$src"/. "$build"/
cd "$build"
# PostgreSQL 15.x minor releases (15.20 here) declare have_createdb_privilege() in
# commands/dbcommands.h and export it, while Citus's compatibility header still defines its own for
# PostgreSQL 15: the two clash. Take the server's and drop Citus's copy.
perl -0pi -e 's/static inline bool\nhave_createdb_privilege\(void\)\n\{.*?\n\}\n/#include "commands\/dbcommands.h"\n/s' \
  src/include/pg_version_compat.h
grep -q '#include "commands/dbcommands.h"' src/include/pg_version_compat.h \
  || { echo "the compatibility fix no longer applies to src/include/pg_version_compat.h: check it by hand"; exit 1; }
./configure PG_CONFIG=$PG_CONFIG --without-libcurl > "$build/configure.log"
# with_llvm=no: no JIT bitcode (it would double the build for nothing Tenantry uses).
make -j"${JOBS:-2}" with_llvm=no > "$build/make.log" 2>&1 || { tail -30 "$build/make.log"; exit 1; }
make with_llvm=no install > "$build/install.log"
echo "Citus $(sed -n "s/^#define CITUS_VERSION \"\(.*\)\"/\1/p" src/include/citus_version.h) installed into $($PG_CONFIG --pkglibdir)"
