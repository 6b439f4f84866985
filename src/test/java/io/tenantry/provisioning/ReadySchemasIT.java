package io.tenantry.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Scrape;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;

/**
 * Tenant schemas built ahead of need (TENANTS_READY_SCHEMAS, 3 on the tests' servers): a creation
 * renames one, the set is filled again, a schema of an older version is dropped and never taken, and a
 * failed creation leaves the one it took ready (no host reaches one: {@code TenantLabelTest}). Other classes create tenants meanwhile on the same server and take ready
 * schemas too, so a test marks the ready schemas it saw and looks for its mark on its tenant's schema.
 */
class ReadySchemasIT extends DeployedTenantry {

    private static final int READY = Tenantry.READY_SCHEMAS;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aCreationRenamesAReadySchemaAndTheSetIsFilledAgain() throws Exception {
        String mark = "ready-mark-" + suffix;
        String taken = null;
        // Other classes' creations may take every marked schema before ours: a few tries, each after a refill.
        for (int attempt = 0; attempt < 10 && taken == null; attempt++) {
            awaitOrFail("the set of ready schemas is full", () -> readyCount() >= READY);
            markReadySchemas(mark);
            String label = "ready-" + attempt + "-" + suffix;
            assertEquals(201, app.createTenant(label, "Ready").status());
            if (mark.equals(schemaComment(label.replace('-', '_')))) {
                taken = label;
            }
        }
        assertTrue(taken != null, "no creation in 10 took a ready schema although the set was full before each");
        // The renamed schema is the tenant's whole workspace, empty.
        assertEquals(201, app.post(Tenantry.host(taken), "/api/products", "{\"name\":\"First\"}").status());
        assertEquals(1, app.get(Tenantry.host(taken), "/api/products").json().asJsonObject().getJsonArray("items").size());
        assertTrue(Scrape.of(app).value("tenantry_tenant_creations_seconds_count", "schema", "ready") >= 1,
                "the metrics count creations that renamed a ready schema");
        awaitOrFail("the set is filled again after the creations", () -> readyCount() >= READY);
    }

    @Test
    void aReadySchemaOfAnOlderVersionIsDroppedAndNeverTaken() throws Exception {
        String old = "_ready_older" + suffix;
        long oldOid;
        try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement()) {
            db.setAutoCommit(false); // schema and row together, as the server builds them
            statement.execute("INSERT INTO public.tenant_creation_script (version, statements) SELECT '0.1', statements"
                    + " FROM public.tenant_creation_script ORDER BY written_at DESC LIMIT 1 ON CONFLICT DO NOTHING");
            statement.execute("SELECT public.tenantry_create_schema('" + old + "', '0.1')");
            // The oldest listed: a creation that took ready schemas of any version would take this one first.
            statement.execute("INSERT INTO public.ready_schema (schema_name, version, built_at) VALUES ('" + old
                    + "', '0.1', '2000-01-01')");
            db.commit();
            oldOid = oidOf(db, old);
        }
        try {
            String label = "after-older-" + suffix;
            assertEquals(201, app.createTenant(label, "After an older ready schema").status());
            try (Connection db = TestDatabase.connect()) {
                assertNotEquals(oldOid, oidOf(db, label.replace('-', '_')), "the tenant got the older version's schema");
            }
            awaitOrFail("the refill after that creation drops the older schema and its row", () -> oidOrZero(old) == 0
                    && count("SELECT count(*) FROM public.ready_schema WHERE schema_name = '" + old + "'") == 0);
        } finally {
            try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement()) {
                statement.execute("DELETE FROM public.tenant_creation_script WHERE version = '0.1'");
                statement.execute("DROP SCHEMA IF EXISTS \"" + old + "\" CASCADE");
            }
        }
    }

    /**
     * A creation that fails at commit, after it took and renamed a ready schema, leaves the schema
     * ready: unlisting and renaming roll back with it. Every schema ready before is still there
     * afterwards, listed, or renamed by another class's creation to a tenant's schema.
     */
    @Test
    void aCreationThatFailsAfterTakingAReadySchemaLeavesItReady() throws Exception {
        String doomed = "readydoomed-" + suffix;
        try (Connection db = TestDatabase.connect(); Statement ddl = db.createStatement()) {
            ddl.execute("CREATE OR REPLACE FUNCTION public.test_fail_ready_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN IF starts_with(NEW.label, 'readydoomed-') THEN RAISE EXCEPTION 'failure injected at commit';"
                    + " END IF; RETURN NULL; END $$");
            ddl.execute("DROP TRIGGER IF EXISTS test_fail_ready_at_commit ON public.tenant");
            ddl.execute("CREATE CONSTRAINT TRIGGER test_fail_ready_at_commit AFTER INSERT ON public.tenant"
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.test_fail_ready_at_commit()");
        }
        try {
            awaitOrFail("the set of ready schemas is full", () -> readyCount() >= READY);
            // Names and oids in one statement: a creation elsewhere may rename a listed schema between two.
            List<Long> readyBefore = longs("SELECT n.oid FROM public.ready_schema r"
                    + " JOIN pg_namespace n ON n.nspname = r.schema_name WHERE r.version <> '0.1'");
            assertFalse(readyBefore.isEmpty(), "no ready schema was listed");
            Tenantry.Reply failed = app.onPublic("POST", "/api/tenants", "{\"label\":\"" + doomed + "\",\"name\":\"Doomed\"}");
            assertEquals(500, failed.status(), failed.body());
            assertEquals(0, oidOrZero(doomed.replace('-', '_')), "the failed creation's schema name is not kept");
            for (long oid : readyBefore) {
                assertEquals(1, count("SELECT count(*) FROM pg_namespace n WHERE n.oid = " + oid
                        + " AND (EXISTS (SELECT 1 FROM public.ready_schema r WHERE r.schema_name = n.nspname)"
                        + " OR EXISTS (SELECT 1 FROM public.tenant t WHERE t.schema_name = n.nspname))"),
                        "ready schema " + oid + " is still ready, or another creation's tenant");
            }
        } finally {
            try (Connection db = TestDatabase.connect(); Statement ddl = db.createStatement()) {
                ddl.execute("DROP TRIGGER IF EXISTS test_fail_ready_at_commit ON public.tenant");
            }
        }
    }

    /**
     * With every ready schema held (locked by this test, as creations in flight hold the ones they took),
     * a creation does not wait: it builds its own schema from the creation script, whole.
     */
    @Test
    void withNoSchemaFreeACreationBuildsItsOwnAtOnce() throws Exception {
        String label = "built-" + suffix;
        try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement()) {
            db.setAutoCommit(false);
            List<String> held = new ArrayList<>();
            for (int attempt = 0; held.size() < READY; attempt++) {
                assertTrue(attempt < 100, "the set of ready schemas was never full to hold");
                db.rollback();
                held.clear();
                awaitOrFail("the set of ready schemas is full", () -> readyCount() >= READY);
                try (ResultSet rows = statement.executeQuery("SELECT schema_name FROM public.ready_schema"
                        + " WHERE version <> '0.1' FOR UPDATE")) {
                    while (rows.next()) {
                        held.add(rows.getString(1));
                    }
                }
            }
            double builtBefore = Scrape.of(app).value("tenantry_tenant_creations_seconds_count", "schema", "built");
            assertEquals(201, app.createTenant(label, "Built").status());
            for (String schema : held) {
                assertTrue(oidOrZero(schema) != 0, "a held ready schema was taken: " + schema);
            }
            assertTrue(Scrape.of(app).value("tenantry_tenant_creations_seconds_count", "schema", "built") >= builtBefore + 1,
                    "the metrics count a creation that built its schema");
            db.rollback();
        }
        assertEquals(201, app.post(Tenantry.host(label), "/api/products", "{\"name\":\"First\"}").status());
    }

    private static void markReadySchemas(String mark) throws SQLException {
        try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement()) {
            for (String schema : readySchemaNames()) {
                try {
                    statement.execute("COMMENT ON SCHEMA \"" + schema + "\" IS '" + mark + "'");
                } catch (SQLException takenMeanwhile) {
                    // renamed by a creation since it was listed: not one this test can mark
                }
            }
        }
    }

    private static List<String> readySchemaNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT schema_name FROM public.ready_schema")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static List<Long> longs(String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
        }
        return values;
    }

    private static String schemaComment(String schema) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement select = db.prepareStatement(
                "SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = ?")) {
            select.setString(1, schema);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static long oidOf(Connection db, String schema) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT oid FROM pg_namespace WHERE nspname = ?")) {
            select.setString(1, schema);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private static long oidOrZero(String schema) {
        try (Connection db = TestDatabase.connect()) {
            return oidOf(db, schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int readyCount() {
        return count("SELECT count(*) FROM public.ready_schema WHERE version <> '0.1'");
    }

    private static int count(String sql) {
        try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitOrFail(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "waited 60 s for this: " + what);
            Thread.sleep(100);
        }
    }
}
