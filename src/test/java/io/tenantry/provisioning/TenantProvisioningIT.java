package io.tenantry.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.SchemaCatalog;
import io.tenantry.testing.SlowUpload;
import io.tenantry.testing.TenantFolders;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;
import io.tenantry.testing.TestMail;
import jakarta.json.JsonObject;

/** Creating and deleting tenants through the API, checked in the database behind it. */
class TenantProvisioningIT extends DeployedTenantry {

    String suffix;

    @BeforeEach
    void freshSuffix() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aNewTenantAnswersAtItsAddressAtOnce() {
        Tenantry.Reply created = app.createTenant("acme-" + suffix, "Acme Inc.");
        assertEquals(201, created.status(), created.body());
        // The test's Host header carries no port: the address names the port the server listens on.
        assertEquals("http://acme-" + suffix + "." + Tenantry.DOMAIN + ":" + port() + "/",
                created.json().asJsonObject().getString("url"));
        assertEquals(200, app.get(Tenantry.host("acme-" + suffix), "/api/products").status());
        assertEquals("Acme Inc.", app.onPublic("GET", "/api/tenants/acme-" + suffix, null).json().asJsonObject()
                .getString("name"));
    }

    @Test
    void labelsOfSixtyThreeCharactersAreAcceptedAndSixtyFourRefused() {
        String sixtyThree = (suffix + "x".repeat(63)).substring(0, 63);
        assertEquals(201, app.createTenant(sixtyThree, "Long").status());
        Tenantry.Reply tooLong = app.createTenant(sixtyThree + "y", "Longer");
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.json().asJsonObject().getString("detail").contains("at most 63"), tooLong.body());
    }

    @Test
    void invalidAndReservedLabelsAreRefusedWithTheRule() {
        for (String label : List.of("Bad_Label", "-dash", "dash-", "with space", "www", "public", "pg-" + suffix,
                "xn--" + suffix, "")) {
            Tenantry.Reply refused = app.createTenant(label, "Nope");
            assertEquals(400, refused.status(), label + " -> " + refused);
            assertTrue(refused.json().asJsonObject().getString("detail").startsWith("Tenant label '" + label + "'"),
                    refused.body());
        }
        assertEquals(400, app.createTenant("fine-" + suffix, " ").status(), "a blank name is refused too");
    }

    @Test
    void aDuplicateOrACaseVariantOfALabelIsRefused() {
        assertEquals(201, app.createTenant("dup-" + suffix, "First").status());
        Tenantry.Reply duplicate = app.createTenant("dup-" + suffix, "Second");
        assertEquals(409, duplicate.status());
        assertEquals("A tenant with the label 'dup-" + suffix + "' already exists.",
                duplicate.json().asJsonObject().getString("detail"));
        assertEquals(400, app.createTenant("DUP-" + suffix, "Shouting").status());
    }

    @Test
    void concurrentRequestsForOneLabelMakeOneTenantAndClearConflicts() throws Exception {
        String label = "race-" + suffix;
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            statuses.add(pool.submit(() -> {
                start.await();
                return app.createTenant(label, "Racer").status();
            }));
        }
        start.countDown();
        List<Integer> seen = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            seen.add(status.get());
        }
        pool.shutdown();
        assertEquals(1, seen.stream().filter(s -> s == 201).count(), seen.toString());
        assertEquals(racers - 1, seen.stream().filter(s -> s == 409).count(), seen.toString());
        assertEquals(1, count("SELECT count(*) FROM public.tenant WHERE label = ?", label));
        assertTrue(schemaExists(label.replace('-', '_')));
    }

    @Test
    void aFailureAtCommitLeavesNothingBehindOnEitherPath() throws Exception {
        installFailureAtCommitFor("doomed-");
        for (String path : List.of("clone", "migrate")) {
            String label = "doomed-" + path + "-" + suffix;
            Tenantry.Reply failed = app.onPublic("POST", "/api/tenants?path=" + path,
                    "{\"label\":\"" + label + "\",\"name\":\"Doomed\"}");
            assertEquals(500, failed.status(), failed.body());
            assertEquals(0, count("SELECT count(*) FROM public.tenant WHERE label = ?", label), path);
            assertFalse(schemaExists(label.replace('-', '_')), path);
            assertEquals(404, app.get(Tenantry.host(label), "/api/products").status(), path);
        }
        assertEquals(0, count("SELECT count(*) FROM pg_namespace WHERE starts_with(nspname, ?)", "_staging_"),
                "the migrate path drops its staging schema");
    }

    /**
     * The owner's membership and the tenant's terms are written by access inside the creation's
     * transaction: when that write fails, nothing of the tenant is kept, on either path, and no mail
     * announces it.
     */
    @Test
    void aFailingObserverOfTheCreationRollsItAllBackAndNothingIsAnnounced() throws Exception {
        String owner = "observed-" + suffix;
        app.newAccount(owner);
        installMembershipRefusalFor("refused-");
        // Other classes share this server's files root: only folders this test could leave count.
        java.util.Set<String> orphansBefore = TenantFolders.orphans();
        for (String path : List.of("clone", "migrate")) {
            String label = "refused-" + path + "-" + suffix;
            Tenantry.Reply failed = app.onPublic("POST", "/api/tenants?path=" + path,
                    "{\"label\":\"" + label + "\",\"name\":\"Refused\",\"owner\":\"" + owner + "\"}");
            assertEquals(500, failed.status(), failed.body());
            assertEquals(0, count("SELECT count(*) FROM public.tenant WHERE label = ?", label), path);
            assertFalse(schemaExists(label.replace('-', '_')), path);
            assertEquals(404, app.get(Tenantry.host(label), "/api/products").status(), path);
        }
        assertEquals(0, count("SELECT count(*) FROM pg_namespace WHERE starts_with(nspname, ?)", "_staging_"));
        TenantFolders.assertNoNewOrphans(orphansBefore, "the creations rolled back");

        // The next creation's mail arrives; none came for the ones rolled back (they were sent earlier, if at all).
        String kept = "kept-" + suffix;
        TestMail.nextMailTo(Tenantry.emailOf(owner), kept,
                () -> assertEquals(201, app.createTenant(kept, "Kept", owner).status()));
        assertTrue(TestMail.receivedTo(Tenantry.emailOf(owner)).stream().noneMatch(mail -> mail.body().contains("refused-")),
                "no mail for a creation rolled back");
        assertEquals(1, count("SELECT count(*) FROM public.tenant_member m JOIN public.tenant t ON t.id = m.tenant_id "
                + "WHERE t.label = ?", kept), "the owner of a kept tenant is its member");
        assertEquals(1, count("SELECT count(*) FROM public.tenant_terms s JOIN public.tenant t ON t.id = s.tenant_id "
                + "JOIN public.account a ON a.id = s.owner_id WHERE t.label = ? AND a.username = '" + owner + "'", kept),
                "a kept tenant has its terms, naming its owner");
    }

    @Test
    void deletingATenantDropsItsSchemaAndLeavesOthersAlone() throws Exception {
        String doomed = "gone-" + suffix;
        String survivor = "stays-" + suffix;
        assertEquals(201, app.createTenant(doomed, "Gone").status());
        assertEquals(201, app.createTenant(survivor, "Stays").status());
        assertEquals(201, app.post(Tenantry.host(doomed), "/api/products", "{\"name\":\"Doomed\"}").status());
        assertEquals(201, app.post(Tenantry.host(survivor), "/api/products", "{\"name\":\"Kept\"}").status());

        assertEquals(204, app.onPublic("DELETE", "/api/tenants/" + doomed, null).status());

        assertFalse(schemaExists(doomed.replace('-', '_')));
        assertEquals(0, count("SELECT count(*) FROM public.tenant WHERE label = ?", doomed));
        assertEquals(404, app.get(Tenantry.host(doomed), "/api/products").status());
        assertEquals(404, app.onPublic("DELETE", "/api/tenants/" + doomed, null).status());
        assertEquals("Kept", app.get(Tenantry.host(survivor), "/api/products/1").json().asJsonObject().getString("name"));
        assertEquals(400, app.onPublic("DELETE", "/api/tenants/public", null).status());
    }

    @Test
    void deletingATenantInTheMiddleOfAnUploadTakesItOutOfServiceFirstAndNeverFails() throws Exception {
        String label = "busy-" + suffix;
        String host = Tenantry.host(label);
        assertEquals(201, app.createTenant(label, "Busy").status());
        long product = app.post(host, "/api/products", "{\"name\":\"P\"}").json().asJsonObject().getInt("id");
        long caseId = app.post(host, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"Busy\"}").json()
                .asJsonObject().getInt("id");
        SlowUpload upload = new SlowUpload(app, host, "/api/cases/" + caseId + "/attachments?name=big.txt", 40,
                Duration.ofMillis(300)).awaitStarted();
        assertFalse(upload.status().isDone(), "the upload is still being sent: " + upload.status().getNow(0));

        Path folder = TenantFolders.of(label);
        CompletableFuture<Tenantry.Reply> deletion = CompletableFuture.supplyAsync(
                () -> app.onPublic("DELETE", "/api/tenants/" + label, null));
        int duringDeletion = app.get(host, "/api/products").status();
        for (int tries = 0; duringDeletion == 200 && tries < 50 && !deletion.isDone(); tries++) {
            Thread.sleep(100);
            duringDeletion = app.get(host, "/api/products").status();
        }
        assertTrue(duringDeletion == 404 || duringDeletion == 503,
                "new requests are refused once the deletion has begun: " + duringDeletion);

        // The deletion has begun while the upload was arriving: the rest of the body may come now.
        int uploaded = upload.hurry().get(2, TimeUnit.MINUTES);
        Tenantry.Reply deleted = deletion.get(2, TimeUnit.MINUTES);
        assertTrue(List.of(204, 409, 503).contains(deleted.status()), deleted.toString());
        assertNotEquals(500, uploaded, "the upload is refused, not failed");
        System.out.println("Deleting during an upload: deletion " + deleted.status() + ", upload " + uploaded);
        if (deleted.status() == 204) {
            assertEquals(0, count("SELECT count(*) FROM public.tenant WHERE label = ?", label));
            assertFalse(schemaExists(label.replace('-', '_')));
            assertEquals(404, app.get(host, "/api/products").status());
            // Its own folder, not every orphan of the root: other tests' tenants live beside it.
            assertFalse(Files.exists(folder), "the tenant's folder goes with it: " + folder);
        } else {
            assertEquals(1, count("SELECT count(*) FROM public.tenant WHERE label = ? AND state = 'active'", label));
            assertEquals(200, app.get(host, "/api/products").status(), "back in service");
        }
    }

    @Test
    void aSecondDeletionWhileTheFirstIsUnderWayIsToldSoNotFailed() throws Exception {
        String label = "twice-" + suffix;
        String host = Tenantry.host(label);
        assertEquals(201, app.createTenant(label, "Twice").status());
        long product = app.post(host, "/api/products", "{\"name\":\"P\"}").json().asJsonObject().getInt("id");
        long caseId = app.post(host, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"Twice\"}").json()
                .asJsonObject().getInt("id");
        // An upload in flight keeps the first deletion waiting for it, so the second comes while it runs.
        SlowUpload upload = new SlowUpload(app, host, "/api/cases/" + caseId + "/attachments?name=big.txt", 40,
                Duration.ofMillis(300)).awaitStarted();
        CompletableFuture<Tenantry.Reply> first = CompletableFuture.supplyAsync(
                () -> app.onPublic("DELETE", "/api/tenants/" + label, null));
        for (int tries = 0; app.get(host, "/api/products").status() == 200 && tries < 50 && !first.isDone(); tries++) {
            Thread.sleep(100);
        }
        Tenantry.Reply second = app.onPublic("DELETE", "/api/tenants/" + label, null);

        upload.hurry().get(2, TimeUnit.MINUTES);
        Tenantry.Reply firstReply = first.get(2, TimeUnit.MINUTES);
        assertTrue(List.of(204, 409).contains(firstReply.status()), firstReply.toString());
        assertTrue(List.of(404, 409).contains(second.status()), "the second deletion is told, not failed: " + second);
        if (second.status() == 409) {
            assertTrue(second.body().contains("being deleted already"), second.body());
        }
        if (firstReply.status() == 204) {
            assertEquals(0, count("SELECT count(*) FROM public.tenant WHERE label = ?", label));
            assertFalse(schemaExists(label.replace('-', '_')));
        }
    }

    @Test
    void aRequestThatBeganBeforeItsTenantsDeletionNeverReachesTheNextTenantOfItsLabel() throws Exception {
        String label = "relabel-" + suffix;
        String host = Tenantry.host(label);
        assertEquals(201, app.createTenant(label, "First life").status());
        // The body trickles in for up to 18 s (until hurried): the server reads it before any transaction begins.
        SlowUpload late = SlowUpload.json(app, host, "/api/products", "{\"name\":\"planted\"}", 60,
                Duration.ofMillis(300)).awaitStarted();
        assertEquals(204, app.onPublic("DELETE", "/api/tenants/" + label, null).status());
        assertEquals(201, app.createTenant(label, "Second life").status());
        assertFalse(late.status().isDone(), "the body is still coming: " + late.status().getNow(0));

        int answered = late.hurry().get(2, TimeUnit.MINUTES);
        assertEquals(404, answered, "the request's tenant is gone");
        assertEquals(0, app.get(host, "/api/products").json().asJsonObject().getInt("total"),
                "nothing of the first life's request reached the second life");
    }

    @Test
    void aSaveThatReadTheTenantBeforeAnOperatorsChangeDoesNotUndoIt() throws Exception {
        String label = "stale-" + suffix;
        String host = Tenantry.host(label);
        assertEquals(201, app.createTenant(label, "Stale").status());
        // The owner's save read the tenant when it began; its body trickles in for up to 12 s (until hurried).
        SlowUpload save = SlowUpload.json(app, host, "PUT", "/api/settings", "{\"name\":\"Renamed late\"}", 40,
                Duration.ofMillis(300)).awaitStarted();
        assertEquals(200, app.onPublic("PUT", "/api/tenants/" + label,
                "{\"paidUntil\":\"2020-01-01T00:00:00Z\"}").status(), "the operator blocks the tenant meanwhile");
        assertFalse(save.status().isDone(), "the save is still coming: " + save.status().getNow(0));

        assertEquals(409, save.hurry().get(2, TimeUnit.MINUTES), "the stale save is refused, not written");
        JsonObject tenant = app.onPublic("GET", "/api/tenants/" + label, null).json().asJsonObject();
        assertEquals("2020-01-01T00:00:00Z", tenant.getString("paidUntil"), "the operator's change stays");
        assertEquals("Stale", tenant.getString("name"));
    }

    @Test
    void cloneAndMigratePathsBuildIdenticalSchemas() throws Exception {
        String cloned = "cl-" + suffix;
        String migrated = "mg-" + suffix;
        assertEquals(201, app.createTenant(cloned, "Cloned").status());
        assertEquals(201, app.onPublic("POST", "/api/tenants?path=migrate",
                "{\"label\":\"" + migrated + "\",\"name\":\"Migrated\"}").status());

        List<String> clonedCatalog = SchemaCatalog.of(cloned.replace('-', '_'));
        assertFalse(clonedCatalog.isEmpty());
        assertEquals(SchemaCatalog.of(migrated.replace('-', '_')), clonedCatalog);
        assertEquals(SchemaCatalog.of("_template"), clonedCatalog);
    }

    @Test
    void aNewTenantsTablesBoundEveryTextTheyHoldWhicheverWayItComes() throws Exception {
        String label = "bounded-" + suffix;
        assertEquals(201, app.createTenant(label, "Bounded").status());
        String schema = label.replace('-', '_');
        List<String> unbounded = new ArrayList<>();
        try (Connection db = TestDatabase.connect();
             // From pg_catalog, the schema's own relations only: information_schema.columns checks privileges on
             // every relation of the database, and met one another class was dropping ("could not open relation").
             PreparedStatement select = db.prepareStatement("SELECT c.relname || '.' || a.attname"
                     + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                     + " WHERE c.relnamespace = to_regnamespace(quote_ident(?)) AND c.relkind IN ('r', 'p')"
                     + " AND a.attnum > 0 AND NOT a.attisdropped AND a.atttypid = 'text'::regtype"
                     + " AND c.relname <> 'flyway_schema_history' AND NOT EXISTS (SELECT 1 FROM pg_constraint con"
                     + " WHERE con.connamespace = c.relnamespace AND con.contype = 'c'"
                     + " AND con.convalidated AND con.conname = c.relname || '_' || a.attname || '_length'"
                     + " AND pg_get_constraintdef(con.oid) LIKE 'CHECK ((char_length(%) <= %))')"
                     + " ORDER BY 1")) {
            select.setString(1, schema);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    unbounded.add(rows.getString(1));
                }
            }
            assertTrue(unbounded.isEmpty(), "text columns without their bound: " + unbounded);
            assertEquals(26, count("SELECT count(*) FROM pg_constraint WHERE connamespace = to_regnamespace(?)"
                    + " AND conname LIKE '%\\_length'", schema), "every bound came to the new tenant");

            // Straight into the database, the way no service goes: the bound holds all the same.
            try (Statement insert = db.createStatement()) {
                SQLException refused = assertThrows(SQLException.class,
                        () -> insert.execute("INSERT INTO \"" + schema + "\".comment (subject, subject_id, text)"
                                + " VALUES ('CASE', 1, repeat('x', 10001))"));
                assertEquals("23514", refused.getSQLState(), refused.getMessage());
            }
        }
        // The service and the schema agree on a product's description: 400 naming the field, not 500.
        String host = Tenantry.host(label);
        Tenantry.Reply tooLong = app.post(host, "/api/products", "{\"name\":\"Long\",\"description\":\""
                + "d".repeat(10_001) + "\"}");
        assertEquals(400, tooLong.status(), tooLong.toString());
        assertTrue(tooLong.json().asJsonObject().getJsonObject("errors").containsKey("description"), tooLong.body());
        assertEquals(201, app.post(host, "/api/products", "{\"name\":\"Long\",\"description\":\""
                + "d".repeat(10_000) + "\"}").status());
    }

    @Test
    void aCloneCopiesEachSequenceAsItIs() throws Exception {
        String source = "seq_src_" + suffix;
        String target = "seq_dst_" + suffix;
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            sql.execute("CREATE SCHEMA " + source);
            sql.execute("CREATE TABLE " + source + ".starts (id bigint GENERATED BY DEFAULT AS IDENTITY"
                    + " (START WITH 1000 CACHE 3) PRIMARY KEY)");
            sql.execute("CREATE TABLE " + source + ".bounded (id integer GENERATED ALWAYS AS IDENTITY"
                    + " (START WITH 1000 MINVALUE 1000 MAXVALUE 99999 INCREMENT BY 5) PRIMARY KEY)");
            sql.execute("INSERT INTO " + source + ".bounded DEFAULT VALUES");
            sql.execute("INSERT INTO " + source + ".bounded DEFAULT VALUES");
            sql.execute("CREATE TABLE " + source + ".set_back (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY)");
            sql.execute("SELECT setval(pg_get_serial_sequence('" + source + ".set_back', 'id'), 50, false)");
            try {
                sql.execute("INSERT INTO public.tenant_creation_script (version, statements) VALUES ('" + source
                        + "', public.tenantry_creation_script('" + source + "'))");
                sql.execute("SELECT public.tenantry_create_schema('" + target + "', '" + source + "')");

                assertEquals(SchemaCatalog.sequences(source), SchemaCatalog.sequences(target));
                assertEquals(1000, insertedId(sql, target + ".starts"), "START WITH is kept");
                assertEquals(1010, insertedId(sql, target + ".bounded"), "bounds, increment and value are kept");
                assertEquals(50, insertedId(sql, target + ".set_back"), "a value not yet handed out stays so");
            } finally {
                sql.execute("DELETE FROM public.tenant_creation_script WHERE version = '" + source + "'");
                sql.execute("DROP SCHEMA IF EXISTS " + target + " CASCADE");
                sql.execute("DROP SCHEMA " + source + " CASCADE");
            }
        }
    }

    @Test
    void creatingATenantAddsNoTriggerToASharedTableAndNoKeyLeavesItsSchema() throws Exception {
        String label = "shared-" + suffix;
        String triggers = "SELECT count(*) FROM pg_trigger WHERE tgrelid = to_regclass(?)";
        int before = count(triggers, "public.account");
        assertEquals(201, app.createTenant(label, "Shared").status());
        assertEquals(before, count(triggers, "public.account"), "a tenant's creation puts no trigger on public.account");
        assertEquals(0, count("SELECT count(*) FROM pg_constraint con JOIN pg_class referenced ON referenced.oid = con.confrelid"
                + " WHERE con.connamespace = to_regnamespace(?) AND con.contype = 'f'"
                + " AND referenced.relnamespace <> con.connamespace", label.replace('-', '_')),
                "the tenant's foreign keys stay inside its schema");
        assertEquals(0, count("SELECT count(*) FROM pg_constraint con JOIN pg_class referenced ON referenced.oid = con.confrelid"
                + " WHERE con.connamespace = to_regnamespace(?) AND con.contype = 'f'"
                + " AND referenced.relnamespace <> con.connamespace", "_template"), "nor do the template's");
    }

    @Test
    void theCreationScriptReadsNoCatalogAndNoSharedTable() throws Exception {
        List<String> statements = new ArrayList<>();
        try (Connection db = TestDatabase.connect();
             PreparedStatement select = db.prepareStatement("SELECT unnest(s.statements) FROM public.tenant_creation_script s"
                     + " WHERE s.version = (SELECT version FROM \"_template\".flyway_schema_history"
                     + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1)")) {
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    statements.add(rows.getString(1));
                }
            }
        }
        assertTrue(statements.size() > 20, "the script of the template's version is stored: " + statements.size());
        for (String statement : statements) {
            // Rows of the migration history carry their scripts' names; only the DDL is of interest here.
            String ddl = statement.startsWith("INSERT INTO flyway_schema_history") ? "" : statement;
            assertFalse(ddl.contains("pg_") || ddl.contains("information_schema"), "reads the catalog: " + statement);
            assertFalse(ddl.contains("public.") || ddl.contains("_template"), "names a shared table: " + statement);
        }
    }

    private static long insertedId(Statement sql, String table) throws SQLException {
        try (ResultSet row = sql.executeQuery("INSERT INTO " + table + " DEFAULT VALUES RETURNING id")) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void aCloneOwnsItsKeys() throws Exception {
        String first = "keys-a-" + suffix;
        String second = "keys-b-" + suffix;
        assertEquals(201, app.createTenant(first, "A").status());
        assertEquals(201, app.createTenant(second, "B").status());
        for (String label : List.of(first, second)) {
            for (int i = 1; i <= 3; i++) {
                Tenantry.Reply created = app.post(Tenantry.host(label), "/api/products", "{\"name\":\"P" + i + "\"}");
                assertEquals(i, created.json().asJsonObject().getInt("id"), created.body());
            }
        }
        assertEquals(0, count("SELECT count(*) FROM \"_template\".product WHERE name LIKE ?", "%"), "the template stays empty");
    }

    @Test
    void onlyASignedInSuperUserOnThePublicHostManagesTenantsOthersCreateTheirOwnAsOnThePage() {
        String request = "{\"label\":\"x-" + suffix + "\",\"name\":\"X\"}";
        assertEquals(401, app.anonymous().post(Tenantry.host("public"), "/api/tenants", request).status());
        assertEquals(401, app.anonymous().get(Tenantry.host("public"), "/api/tenants").status());
        Tenantry someone = app.newAccount("someone-" + suffix);
        assertEquals(403, someone.post(Tenantry.host("public"), "/api/tenants",
                "{\"label\":\"y-" + suffix + "\",\"name\":\"Y\",\"owner\":\"admin\"}").status(),
                "naming another owner is a super-user's");
        assertEquals(201, someone.post(Tenantry.host("public"), "/api/tenants", request).status(),
                "whoever may create a tenant on the page may with the API (TENANT_CREATION=anyone)");
        assertEquals(403, someone.get(Tenantry.host("public"), "/api/tenants").status());
        assertEquals(201, app.createTenant("host-" + suffix, "Host").status());
        assertEquals(404, app.get(Tenantry.host("host-" + suffix), "/api/tenants").status());
    }

    /**
     * Tables, columns, constraints, indexes, sequences with their state and migration history, with
     * the schema name cut out.
     */
    private static boolean schemaExists(String schema) throws SQLException {
        return count("SELECT count(*) FROM pg_namespace WHERE nspname = ?", schema) == 1;
    }

    private static int count(String query, String parameter) throws SQLException {
        try (Connection db = TestDatabase.connect();
             PreparedStatement select = bindEvery(db.prepareStatement(query), parameter)) {
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Sets every parameter of the query to the same value. */
    private static PreparedStatement bindEvery(PreparedStatement select, String value) throws SQLException {
        for (int i = 1; i <= select.getParameterMetaData().getParameterCount(); i++) {
            select.setString(i, value);
        }
        return select;
    }

    /** A trigger refuses the owner's membership of tenants whose label starts with the prefix. */
    private static void installMembershipRefusalFor(String labelPrefix) throws SQLException {
        try (Connection db = TestDatabase.connect(); Statement ddl = db.createStatement()) {
            ddl.execute("CREATE OR REPLACE FUNCTION public.test_refuse_membership() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN IF EXISTS (SELECT 1 FROM public.tenant t WHERE t.id = NEW.tenant_id"
                    + " AND starts_with(t.label, '" + labelPrefix + "')) THEN"
                    + " RAISE EXCEPTION 'membership refused by the test'; END IF; RETURN NEW; END $$");
            ddl.execute("DROP TRIGGER IF EXISTS test_refuse_membership ON public.tenant_member");
            ddl.execute("CREATE TRIGGER test_refuse_membership BEFORE INSERT ON public.tenant_member"
                    + " FOR EACH ROW EXECUTE FUNCTION public.test_refuse_membership()");
        }
    }

    /** A deferred trigger fails the commit, after the schema has been built in the same transaction. */
    private static void installFailureAtCommitFor(String labelPrefix) throws SQLException {
        try (Connection db = TestDatabase.connect(); Statement ddl = db.createStatement()) {
            ddl.execute("CREATE OR REPLACE FUNCTION public.test_fail_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN IF starts_with(NEW.label, '" + labelPrefix + "') THEN"
                    + " RAISE EXCEPTION 'failure injected at commit'; END IF; RETURN NULL; END $$");
            ddl.execute("DROP TRIGGER IF EXISTS test_fail_at_commit ON public.tenant");
            ddl.execute("CREATE CONSTRAINT TRIGGER test_fail_at_commit AFTER INSERT ON public.tenant"
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.test_fail_at_commit()");
        }
    }
}
