package io.tenantry.platform;

import static io.tenantry.testing.Tenantry.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.PayaraOnly;
import io.tenantry.testing.SharedServer;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;
import io.tenantry.testing.TestServers;

/**
 * The server's pool gives a PostgreSQL connection back to the database once its backend holds more
 * memory than DB_CONNECTION_MEMORY_MB (tenantry-pool.jar's validation, payara-config/,
 * wildfly-config/), so that no connection keeps the catalog caches and statements of every tenant
 * it ever served (docs/operations.md). The run's options server allows 2 MiB
 * ({@link TestServers#CONNECTION_MEMORY_MB_OF_OPTIONS}), which a connection passes once it has served a
 * few tenants' reads (a new one holds about 1.3 MiB): connections that serve requests one after another
 * end while they do, and no request fails. The options server runs without connection lanes
 * (DB_LANE_CONNECTIONS unset): with them, each lane's connections would serve one of the five tenants
 * and could stay under the limit. (WildFly's adapter applies the same rule,
 * {@code pool.BackendMemoryLimitIT}; this class run on a WildFly given 2 MiB passed too, as the
 * README of wildfly-config/ says.)
 */
@PayaraOnly("the run's Payara Micro options server (TestServers.options) is the one with a limit connections pass")
@Isolated("watches the database's connections: other classes' requests would use some")
class PooledConnectionRecyclingIT extends DeployedTenantry {

    @RegisterExtension
    static final SharedServer OPTIONS = TestServers.options();

    /** Far more handouts than the 64 of a connection after which its memory is read (BackendMemoryLimit.READ_AT_LEAST_EVERY, and as often while near the limit). */
    private static final int REQUESTS = 1_000;
    private static final int TENANTS = 5;
    private static final int LOOK_EVERY = 50;

    @Test
    void connectionsAboveTheMemoryLimitEndWhileTheyServe() throws SQLException {
        Tenantry options = new Tenantry(OPTIONS.process().url()).awaitReady();
        // Reads of several tenants, each with its own tables and statements, take a connection past the 2 MiB
        // within a few handouts; one tenant's reads alone could keep one under it for the whole test.
        List<String> labels = new ArrayList<>();
        for (int t = 0; t < TENANTS; t++) {
            String label = "recycled-" + t + "-" + UUID.randomUUID().toString().substring(0, 8);
            assertEquals(201, options.onPublic("POST", "/api/tenants", "{\"label\":\"" + label + "\",\"name\":\"Recycled\","
                    + "\"paidUntil\":\"" + Instant.now().plus(30, ChronoUnit.DAYS) + "\"}").status());
            labels.add(label);
        }
        try (Connection db = TestDatabase.connect()) {
            Timestamp start = now(db);
            Set<Integer> serving = new HashSet<>();
            for (int i = 1; i <= REQUESTS; i++) {
                String host = host(labels.get(i % TENANTS));
                assertEquals(200, options.get(host, i % 2 == 0 ? "/api/products" : "/api/plans").status());
                if (i % LOOK_EVERY == 0) {
                    serving.addAll(usedSince(db, start));
                }
            }
            // A connection the pool closes after 5 idle minutes has served nothing since the start; one
            // that served these requests and is gone was retired by the pool while they ran.
            serving.removeAll(usedSince(db, new Timestamp(0)));
            assertFalse(serving.isEmpty(), "every connection that served " + REQUESTS + " requests still lives");
        }
    }

    private static Timestamp now(Connection db) throws SQLException {
        try (ResultSet row = db.createStatement().executeQuery("SELECT now()")) {
            row.next();
            return row.getTimestamp(1);
        }
    }

    /** The backends of the test database, but the one asking, whose state changed at or after {@code since}. */
    private static Set<Integer> usedSince(Connection db, Timestamp since) throws SQLException {
        Set<Integer> pids = new HashSet<>();
        try (PreparedStatement select = db.prepareStatement("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state_change >= ?")) {
            select.setTimestamp(1, since);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getInt(1));
                }
            }
        }
        return pids;
    }
}
