package io.tenantry.tenancy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * DB_TENANTS_PER_CONNECTION: how many tenants one pooled PostgreSQL connection serves before the pool
 * replaces it (1,000 unless set; from 1 to 1,000,000). A PostgreSQL backend keeps the catalog entries
 * and prepared statements of every schema it has touched until it ends, about 45 KB a tenant
 * (bench/README.md, "Bounded database memory"), so a connection that met every tenant of a large
 * fleet would hold hundreds of megabytes. Counting tenants rather than uses leaves a connection that
 * serves the same few tenants alone, with their plans ({@link TenantTaggedDataSource}).
 *
 * <p>Counted at each handout in a tenant's transaction, per physical connection (the driver's, under
 * the pool's handle: {@link PoolRetirement}); when a connection has served its count, the pool is asked to close it once its
 * transaction ends. Not thread-bound: the pool hands a connection to one
 * transaction at a time, and the count is only ever read by the handout that changes it.
 */
public final class TenantsPerConnection {

    static final int DEFAULT = 1_000;
    private static final int MOST = 1_000_000;
    private static final Logger LOG = Logger.getLogger(TenantsPerConnection.class.getName());
    /**
     * The application's count, put on the pool with the persistence unit ({@link TenantTaggedConnections}):
     * one per application, as the pool is, so that work on schemas outside EclipseLink (creating and
     * migrating tenants) counts on the same connections as requests do.
     */
    private static volatile Optional<TenantsPerConnection> application = Optional.empty();

    private final int limit;
    private final PoolRetirement pool;
    /** Schemas served, by physical connection: an entry goes when the pool has let its connection go. */
    private final Map<Object, Set<String>> served = Collections.synchronizedMap(new WeakHashMap<>());

    TenantsPerConnection(int limit, PoolRetirement pool) {
        this.limit = limit;
        this.pool = pool;
    }

    /**
     * The checked setting, each connection of {@code pool} retired once it has served
     * {@code DB_TENANTS_PER_CONNECTION} tenants; an {@link IllegalStateException} naming the variable
     * when the setting is not a whole number from 1 to 1,000,000.
     */
    static TenantsPerConnection of(Optional<String> setting, PoolRetirement pool) {
        return new TenantsPerConnection(limit(setting), pool);
    }

    static int limit(Optional<String> setting) {
        if (setting.isEmpty() || setting.get().isBlank()) {
            return DEFAULT;
        }
        String text = setting.get().strip();
        if (text.matches("[0-9]{1,7}")) {
            int count = Integer.parseInt(text);
            if (count >= 1 && count <= MOST) {
                return count;
            }
        }
        throw new IllegalStateException("DB_TENANTS_PER_CONNECTION is '" + setting.get()
                + "', not a whole number from 1 to " + MOST + ". Set it, for example DB_TENANTS_PER_CONNECTION=500,"
                + " or leave it unset for " + DEFAULT + ".");
    }

    /**
     * Records that the pool's connection {@code handle} serves {@code tenant} in the current transaction,
     * and retires it when that makes its count: it finishes this transaction, then the pool closes it.
     */
    void serves(Connection handle, SchemaName tenant) {
        try {
            Object physical = pool.connectionUnder(handle);
            if (physical == handle) {
                // A pool that hands out its driver's connections unwrapped, or a handle it cannot see
                // through: each handout would count as a new connection, and none would ever be retired.
                LOG.warning("Tenantry: the pool's handle " + handle.getClass().getName() + " shows no physical"
                        + " connection under it: DB_TENANTS_PER_CONNECTION is not applied to it");
                return;
            }
            Set<String> schemas = served.computeIfAbsent(physical, connection -> ConcurrentHashMap.newKeySet());
            schemas.add(tenant.value());
            if (schemas.size() >= limit) {
                pool.retire(handle); // again on a later handout in the same transaction: the pool marks it once
            }
        } catch (RuntimeException e) {
            // The count bounds memory; failing the request for it would turn a pool's quirk into an outage.
            LOG.log(Level.WARNING, "Tenantry: a connection's tenants could not be counted", e);
        }
    }

    /** Makes {@code perConnection} the application's count ({@link #servesSchema}, {@link #countedFor}). */
    static void apply(TenantsPerConnection perConnection) {
        application = Optional.of(perConnection);
    }

    /**
     * Counts {@code schema} as served by the connection under the pool's {@code handle}, for work on a
     * tenant's schema outside EclipseLink's transactions (creating a tenant); nothing where the setting
     * does not apply. The connection is retired as a request's would be.
     */
    public static void servesSchema(Connection handle, SchemaName schema) {
        application.ifPresent(perConnection -> perConnection.serves(handle, schema));
    }

    /**
     * The server's {@code pool} as seen by a library that takes connections itself (Flyway migrating a
     * tenant): each connection it takes counts as serving {@code schema} ({@link #servesSchema}); every
     * other call passes through.
     */
    public static DataSource countedFor(DataSource pool, SchemaName schema) {
        return (DataSource) Proxy.newProxyInstance(TenantsPerConnection.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                    Object result;
                    try {
                        result = method.invoke(pool, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof Connection handle && method.getName().equals("getConnection")) {
                        servesSchema(handle, schema);
                    }
                    return result;
                });
    }

    /** For the start-up log. */
    @Override
    public String toString() {
        return "each pooled connection closed after serving " + limit + " tenants";
    }
}
