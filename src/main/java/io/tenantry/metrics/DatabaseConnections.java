package io.tenantry.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.tenantry.platform.Database;
import io.tenantry.platform.Meters;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code tenantry_db_connections{state}}: the connections Tenantry's database account holds open to
 * its database, by what they do, as PostgreSQL sees them ({@code pg_stat_activity}, one query per
 * scrape). The pool itself is the server's (Payara's, WildFly's) and tells its use only through
 * server-specific APIs; what the database sees is the same on both, and sums every instance's pool
 * (each holds at most 40, payara-config/post-boot-commands.asadmin). The scrape's own connection is one of the
 * {@code active}.
 */
@ApplicationScoped
public class DatabaseConnections {

    /** What a connection is doing: {@code pg_stat_activity.state}, grouped. */
    enum Use {
        /** Running a statement. */
        ACTIVE,
        /** Inside a transaction, between statements. */
        IDLE_IN_TRANSACTION,
        /** Open in the pool, unused. */
        IDLE,
        /** Anything else PostgreSQL reports (a function call, a disabled state). */
        OTHER;

        static Use of(String state) {
            return switch (state == null ? "" : state) {
                case "active" -> ACTIVE;
                case "idle in transaction", "idle in transaction (aborted)" -> IDLE_IN_TRANSACTION;
                case "idle" -> IDLE;
                default -> OTHER;
            };
        }
    }

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Meters meters;

    private final Map<Use, AtomicInteger> counts = new EnumMap<>(Use.class);

    @PostConstruct
    void register() {
        for (Use use : Use.values()) {
            AtomicInteger count = new AtomicInteger();
            counts.put(use, count);
            Gauge.builder("tenantry.db.connections", count, AtomicInteger::get)
                    .description("Connections open to the database by this database account, by state")
                    .tag("state", use.name().toLowerCase(Locale.ROOT)).strongReference(true).register(meters.registry());
        }
    }

    /** Counts the connections again, for the scrape about to be written. */
    public synchronized void measure() {
        Map<Use, Integer> found = new EnumMap<>(Use.class);
        try (Connection connection = Database.connection(dataSource);
             PreparedStatement select = connection.prepareStatement("SELECT state, count(*) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND usename = current_user GROUP BY state");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.merge(Use.of(rows.getString(1)), rows.getInt(2), Integer::sum);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the connections to the database", e);
        }
        counts.forEach((use, count) -> count.set(found.getOrDefault(use, 0)));
    }
}
