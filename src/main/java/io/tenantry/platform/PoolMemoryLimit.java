package io.tenantry.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * DB_CONNECTION_MEMORY_MB: the most memory, in MiB (48 unless set; 2 to 65,536), a pooled
 * connection's PostgreSQL backend may hold and still be handed out. The server's pool applies it
 * ({@code io.tenantry.pool.BackendMemoryLimit}, in tenantry-pool.jar, reads the same variable:
 * payara-config/, wildfly-config/); the application checks it at start-up by the same rule (kept
 * apart, so that the WAR never depends on the version of the server's library;
 * {@code PoolMemoryLimitTest} holds the two to one rule), so that a wrong value fails the deployment naming it rather
 * than leaving the pool on its default, and warns when the pool's account cannot read the memory.
 */
public record PoolMemoryLimit(int megabytes) {

    static final int DEFAULT_MB = 48;
    static final int MIN_MB = 2;
    static final int MAX_MB = 65_536;
    private static final Logger LOG = Logger.getLogger(PoolMemoryLimit.class.getName());
    /** Not permitted (42501), no such view (42P01: PostgreSQL 13 and older). */
    private static final Set<String> UNREADABLE = Set.of("42501", "42P01");

    /** The checked setting; an {@link IllegalStateException} naming the variable when it is wrong. */
    public static PoolMemoryLimit of(Optional<String> megabytes) {
        return new PoolMemoryLimit((int) WholeNumberSetting.of("DB_CONNECTION_MEMORY_MB", megabytes, "MiB", MIN_MB, MAX_MB,
                DEFAULT_MB, 96));
    }

    /**
     * Logs a warning, saying what to grant, when the pool's database account may not read
     * {@code pg_backend_memory_contexts} or PostgreSQL has no such view (13 and older): the pool then
     * retires each connection after 1,000 handouts, whatever it holds.
     *
     * @throws SQLException when the database cannot be asked
     */
    public static void warnIfUnreadable(DataSource pool) throws SQLException {
        try (Connection connection = Database.connection(pool); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1 FROM pg_backend_memory_contexts LIMIT 1").close();
        } catch (SQLException e) {
            if (!UNREADABLE.contains(e.getSQLState())) {
                throw e;
            }
            LOG.warning("The pool " + Database.JNDI_NAME + " cannot read its connections' memory (pg_backend_memory_contexts: "
                    + e.getMessage().strip() + "), so DB_CONNECTION_MEMORY_MB is not applied: each pooled"
                    + " connection is retired after 1,000 handouts instead, whatever it holds. Grant its database account the role"
                    + " pg_read_all_stats (PostgreSQL 15 and later; 14 lets only a superuser read it, 13 and older have no such"
                    + " view): docs/operations.md, \"PostgreSQL's memory\".");
        }
    }

    /** For the start-up log. */
    @Override
    public String toString() {
        return "pooled connections retired above " + megabytes + " MiB of PostgreSQL memory";
    }
}
