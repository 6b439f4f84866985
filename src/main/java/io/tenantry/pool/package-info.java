/**
 * The ground floor, a server library as well as part of the WAR: what the server's connection pool
 * asks before it hands a PostgreSQL connection out ({@link io.tenantry.pool.PooledConnectionCheck}).
 * Built, with its adapters to the servers' validation interfaces (src/pool/java), into
 * {@code target/server-lib/tenantry-pool.jar} beside PostgreSQL's driver and loaded with it (Payara
 * Micro's {@code --addlibs}, the WildFly module {@code io.tenantry.pool}); the application marks the
 * connections to retire through PostgreSQL itself ({@code tenancy.SchemasServed}), so the two share no
 * state and the WAR never depends on the version of the server's library. Uses only the JDK, so the
 * server can load it before any application is deployed.
 */
package io.tenantry.pool;
