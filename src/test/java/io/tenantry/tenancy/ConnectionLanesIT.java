package io.tenantry.tenancy;

import static io.tenantry.testing.Tenantry.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Scrape;
import io.tenantry.testing.TestDatabase;

/**
 * A tenant's requests draw their connections from its own lane of the pool (payara-config/,
 * wildfly-config/: sixteen lanes, each connection named {@code tenantry-lane-N} in PostgreSQL's
 * {@code application_name}), so that a backend keeps serving the tenants it already knows.
 */
@Isolated("reads which of the server's connections ran statements meanwhile: another class's requests would run some too")
class ConnectionLanesIT extends DeployedTenantry {

    private static final int LANES = 16;
    private static final String LANE_REQUESTS = "tenantry_db_lane_requests_seconds_count";

    @Test
    void eachTenantsRequestsRunOnlyOnItsOwnLane() throws SQLException, InterruptedException {
        String first = label(-1);
        String second = label(ConnectionLanes.laneOf(schemaOf(first), LANES));
        for (String tenant : new String[] {first, second}) {
            assertEquals(201, app.createTenant(tenant, "Lanes").status());
            assertEquals(201, app.post(host(tenant), "/api/products", "{\"name\":\"Kept\"}").status());
        }
        for (String tenant : new String[] {first, second}) {
            // Read first: the scrape is a request too, to the public tenant, whose statements run on its own lane.
            Scrape timed = Scrape.of(app);
            Timestamp before = databaseNow();
            for (int i = 0; i < 20; i++) {
                assertEquals(200, app.get(host(tenant), "/api/products").status());
            }
            assertEquals(Set.of("tenantry-lane-" + ConnectionLanes.laneOf(schemaOf(tenant), LANES)), lanesUsedSince(before),
                    tenant + "'s requests ran on its lane's connections, and on no other lane's");
            Scrape after = timedSince(timed, 20);
            assertEquals(timed.value(LANE_REQUESTS, "pool", "main"), after.value(LANE_REQUESTS, "pool", "main"),
                    "one request at a time never finds its lane full");
        }
    }

    /**
     * The metrics once the {@code requests} made since {@code timed} are counted as drawn from their lane, with
     * every scrape since {@code timed} (itself included): each is a request to the public tenant, drawn from its
     * lane too. A request is counted once it has ended, which may be just after its answer, so the scrape is
     * read again until the count arrives; it must then be exact, neither short nor counted twice.
     */
    private Scrape timedSince(Scrape timed, int requests) throws InterruptedException {
        double expected = timed.value(LANE_REQUESTS, "pool", "lane") + requests;
        int scrapes = 1;
        Scrape after = Scrape.of(app);
        for (long deadline = System.nanoTime() + 30_000_000_000L; after.value(LANE_REQUESTS, "pool", "lane") < expected + scrapes
                && System.nanoTime() < deadline; scrapes++) {
            Thread.sleep(200);
            after = Scrape.of(app);
        }
        assertEquals(expected + scrapes, after.value(LANE_REQUESTS, "pool", "lane"),
                requests + " requests and " + scrapes + " scrapes timed as drawn from their lanes, each once");
        return after;
    }

    /** A new tenant's label; one whose schema falls in another lane than {@code notLane} (-1: any). */
    private static String label(int notLane) {
        while (true) {
            String label = "lane-" + UUID.randomUUID().toString().substring(0, 8);
            if (ConnectionLanes.laneOf(schemaOf(label), LANES) != notLane) {
                return label;
            }
        }
    }

    private static SchemaName schemaOf(String label) {
        return new SchemaName(label.replace('-', '_'));
    }

    private static Timestamp databaseNow() throws SQLException {
        try (Connection db = TestDatabase.connect(); ResultSet row = db.createStatement().executeQuery("SELECT clock_timestamp()")) {
            row.next();
            return row.getTimestamp(1);
        }
    }

    /** The lanes whose connections began a statement after {@code since}. */
    private static Set<String> lanesUsedSince(Timestamp since) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement select = db.prepareStatement(
                "SELECT DISTINCT application_name FROM pg_stat_activity WHERE application_name LIKE 'tenantry-lane-%'"
                        + " AND datname = current_database() AND query_start > ?")) {
            select.setTimestamp(1, since);
            Set<String> lanes = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lanes.add(rows.getString(1));
                }
            }
            assertNotEquals(Set.of(), lanes, "no lane's connection ran a statement");
            return lanes;
        }
    }
}
