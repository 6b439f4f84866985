/**
 * The ground floor, a server library as well as part of the WAR: what the server's connection pool
 * asks before it hands a PostgreSQL connection out ({@link io.tenantry.pool.BackendMemoryLimit}).
 * Built, with its adapters to the servers' validation interfaces (src/pool/java), into
 * {@code target/server-lib/tenantry-pool.jar} beside PostgreSQL's driver and loaded with it (Payara
 * Micro's {@code --addlibs}, the WildFly module {@code io.tenantry.pool}); the application reads its
 * setting through it ({@code platform.PoolMemoryLimit}). Uses only the JDK, so the server can load it
 * before any application is deployed.
 */
package io.tenantry.pool;
