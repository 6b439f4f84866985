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
 * The server's pool gives a PostgreSQL connection back to the database once it has served more tenant
 * schemas than DB_CONNECTION_SCHEMAS (the application marks it in PostgreSQL, tenancy.SchemasServed;
 * tenantry-pool.jar's validation refuses it at its next handout: payara-config/, wildfly-config/), so
 * that no connection keeps the catalog caches and statements of every tenant it ever served
 * (docs/operations.md). The run's options server allows 2 ({@link TestServers#CONNECTION_SCHEMAS_OF_OPTIONS}):
 * connections that serve requests of five tenants one after another end while they do, and no request
 * fails. (WildFly's adapter applies the same rule, {@code pool.PooledConnectionCheckIT}.)
 */
@PayaraOnly("the run's Payara Micro options server (TestServers.options) is the one with a limit connections pass")
@Isolated("watches the database's connections: other classes' requests would use some")
class PooledConnectionRecyclingIT extends DeployedTenantry {

    @RegisterExtension
    static final SharedServer OPTIONS = TestServers.options();

    /** Far more handouts than a connection takes to serve three of the tenants. */
    private static final int REQUESTS = 300;
    private static final int TENANTS = 5;
    private static final int LOOK_EVERY = 5;

    @Test
    void connectionsPastTheirSchemasEndWhileTheyServe() throws SQLException {
        Tenantry options = new Tenantry(OPTIONS.process().url()).awaitReady();
        // Reads of several tenants take a connection past 2 schemas within a few handouts.
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
