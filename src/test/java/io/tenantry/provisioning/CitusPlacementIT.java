package io.tenantry.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;

/**
 * On a Citus cluster sharding by schema (DB_URL naming its coordinator, e.g. bench/citus/), each
 * tenant is a distributed schema whose every table lives on one worker, the template stays on the
 * coordinator, tenants spread over the workers, and a deleted tenant leaves nothing on any node.
 * Skipped on a plain PostgreSQL (the default run), where there are no workers to place schemas on.
 */
class CitusPlacementIT extends DeployedTenantry {

    String suffix;

    @BeforeEach
    void onCitus() throws SQLException {
        try (Connection db = TestDatabase.connect(); ResultSet row = db.createStatement().executeQuery(
                "SELECT to_regproc('citus_schema_distribute') IS NOT NULL"
                        + " AND current_setting('citus.enable_schema_based_sharding', true) = 'on'")) {
            row.next();
            Assumptions.assumeTrue(row.getBoolean(1), "the test database is not a Citus cluster sharding by schema");
        }
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void everyTenantTableIsOnOneWorkerWithItsSchemaAndTheTemplateStaysOnTheCoordinator() throws SQLException {
        String cloned = "cit-cl-" + suffix;
        String migrated = "cit-mg-" + suffix;
        assertEquals(201, app.createTenant(cloned, "Cloned").status());
        assertEquals(201, app.onPublic("POST", "/api/tenants?path=migrate",
                "{\"label\":\"" + migrated + "\",\"name\":\"Migrated\"}").status());
        for (String schema : List.of(cloned.replace('-', '_'), migrated.replace('-', '_'))) {
            assertEquals(1, workersOf(schema).size(), schema + " is on one worker: " + workersOf(schema));
            assertEquals(List.of(), tablesNotDistributed(schema), schema + ": tables left on the coordinator");
        }
        assertTrue(workersOf("_template").isEmpty(), "the template is not distributed");
        assertEquals(200, app.get(Tenantry.host(migrated), "/api/products").status());
    }

    @Test
    void tenantsSpreadOverTheWorkersAndADeletedOneLeavesNothing() throws SQLException {
        Set<String> workers = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            String label = "cit-sp" + i + "-" + suffix;
            assertEquals(201, app.createTenant(label, "Spread " + i).status());
            workers.addAll(workersOf(label.replace('-', '_')));
        }
        assertTrue(workers.size() >= 2, "six tenants on the workers " + workers);

        String doomed = "cit-sp0-" + suffix;
        assertEquals(204, app.onPublic("DELETE", "/api/tenants/" + doomed, null).status());
        String schema = doomed.replace('-', '_');
        assertTrue(workersOf(schema).isEmpty(), "no shard of the deleted tenant is left");
        try (Connection db = TestDatabase.connect();
             PreparedStatement select = db.prepareStatement("SELECT count(*) FROM citus_schemas WHERE schema_name::text = ?")) {
            select.setString(1, schema);
            try (ResultSet count = select.executeQuery()) {
                count.next();
                assertEquals(0, count.getInt(1));
            }
        }
    }

    /** The workers (host:port) holding shards of the tables of {@code schema}. */
    private static Set<String> workersOf(String schema) throws SQLException {
        Set<String> workers = new HashSet<>();
        try (Connection db = TestDatabase.connect();
             PreparedStatement select = db.prepareStatement("SELECT DISTINCT s.nodename || ':' || s.nodeport FROM citus_shards s"
                     + " JOIN pg_class c ON c.oid = s.table_name WHERE c.relnamespace = to_regnamespace(quote_ident(?))")) {
            select.setString(1, schema);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    workers.add(rows.getString(1));
                }
            }
        }
        return workers;
    }

    /** Tables of {@code schema} that are not Citus tables (they would be read on the coordinator alone). */
    private static List<String> tablesNotDistributed(String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection db = TestDatabase.connect();
             PreparedStatement select = db.prepareStatement("SELECT c.relname FROM pg_class c WHERE c.relkind = 'r'"
                     + " AND c.relnamespace = to_regnamespace(quote_ident(?))"
                     + " AND NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = c.oid) ORDER BY 1")) {
            select.setString(1, schema);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }
}
