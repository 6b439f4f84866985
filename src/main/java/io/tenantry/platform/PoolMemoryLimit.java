package io.tenantry.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.tenantry.pool.BackendMemoryLimit;

/**
 * DB_CONNECTION_MEMORY_MB: the most memory, in MiB (48 unless set; 2 to 65,536), a pooled
 * connection's PostgreSQL backend may hold and still be handed out. The server's pool applies it
 * ({@link BackendMemoryLimit}, in tenantry-pool.jar, reads the same variable: payara-config/,
 * wildfly-config/); the application checks it at start-up with the same rule, so that a wrong value fails the deployment naming it rather
 * than leaving the pool on its default, and warns when the pool's account cannot read the memory.
 */
public record PoolMemoryLimit(int megabytes) {

    private static final Logger LOG = Logger.getLogger(PoolMemoryLimit.class.getName());
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    /** The checked setting; an {@link IllegalStateException} naming the variable when it is wrong. */
    public static PoolMemoryLimit of(Optional<String> megabytes) {
        if (megabytes.isEmpty() || megabytes.get().isBlank()) {
            return new PoolMemoryLimit(BackendMemoryLimit.DEFAULT_MB);
        }
        Integer mb = BackendMemoryLimit.megabytes(megabytes.get());
        if (mb == null) {
            throw new IllegalStateException(BackendMemoryLimit.VARIABLE + " is '" + megabytes.get() + "', not a whole number of MiB from "
                    + BackendMemoryLimit.MIN_MB + " to " + BackendMemoryLimit.MAX_MB + ". Set it, for example "
                    + BackendMemoryLimit.VARIABLE + "=96, or leave it unset for " + BackendMemoryLimit.DEFAULT_MB + ".");
        }
        return new PoolMemoryLimit(mb);
    }

    /**
     * Logs a warning, saying what to grant, when the pool's database account may not read
     * {@code pg_backend_memory_contexts}: the pool then never retires a connection for its memory.
     *
     * @throws SQLException when the database cannot be asked
     */
    public static void warnIfUnreadable(DataSource pool) throws SQLException {
        try (Connection connection = Database.connection(pool); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1 FROM pg_backend_memory_contexts LIMIT 1").close();
        } catch (SQLException e) {
            if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                throw e;
            }
            LOG.warning("The database account of the pool " + Database.JNDI_NAME + " may not read pg_backend_memory_contexts,"
                    + " so DB_CONNECTION_MEMORY_MB is not applied: each pooled connection's PostgreSQL memory grows with the"
                    + " tenants it serves. Grant it the role pg_read_all_stats (docs/operations.md, \"PostgreSQL's memory\").");
        }
    }

    /** For the start-up log. */
    @Override
    public String toString() {
        return "pooled connections retired above " + megabytes + " MiB of PostgreSQL memory";
    }
}
