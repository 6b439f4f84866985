package io.tenantry.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.PayaraOnly;
import io.tenantry.testing.PayaraProcess;
import io.tenantry.testing.SlowUpload;
import io.tenantry.testing.TenantFolders;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;

/**
 * The server killed (kill -9) while it creates or deletes a tenant, then started again: no tenant
 * is half there, no folder is left without its tenant, and a label used again starts empty. Its two
 * servers share the run's database but keep their tenants' files in a FILES_ROOT of their own, so
 * that the start-up's sweep of that folder and the look for folders without their tenant see this
 * class's folders only, not those of the classes running meanwhile on the run's other servers.
 */
@PayaraOnly("a Payara Micro of its own, killed and started again (PayaraProcess)")
@Order(1) // among the longest: started first, so that it does not end the run alone (junit-platform.properties)
class TenantCrashIT {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private Path files;

    @BeforeEach
    void aFilesRootOfItsOwn() throws IOException {
        files = Files.createTempDirectory(Path.of("target"), "crash-files-").toAbsolutePath();
    }

    private PayaraProcess start() {
        // A later -D replaces the run's FILES_ROOT that PayaraProcess gives every server.
        return PayaraProcess.start(true, "-Dfiles.root=" + files);
    }

    @Test
    void killedDuringDeletionsAndACreationTheServerComesBackWithWholeTenantsOnly() throws Exception {
        String reused = "reused-" + suffix;
        String busy = "busy-" + suffix;
        String born = "born-" + suffix;
        Path reusedFolder;

        // One kill while a deletion waits for an upload and a creation has just been asked for.
        PayaraProcess first = start();
        try {
            Tenantry app = ready(first);
            long reusedCase = tenantWithACase(app, reused);
            attach(app, reused, reusedCase, "the first life's secret");
            reusedFolder = TenantFolders.of(files, reused);
            assertFalse(TenantFolders.namesIn(reusedFolder).isEmpty());
            // A deletion of "reused" that committed just before the crash: its row and schema gone, its
            // files not. Done before the kill: the killed server's transactions may hold locks a while.
            try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement()) {
                statement.execute("DELETE FROM public.tenant WHERE label = '" + reused + "'");
                statement.execute("DROP SCHEMA \"" + reused.replace('-', '_') + "\" CASCADE");
            }

            long busyCase = tenantWithACase(app, busy);
            new SlowUpload(app, Tenantry.host(busy), "/api/cases/" + busyCase + "/attachments?name=big.txt", 200,
                    Duration.ofMillis(300)).awaitStarted();
            CompletableFuture.runAsync(() -> app.onPublic("DELETE", "/api/tenants/" + busy, null));
            awaitOutOfService(app, busy);
            CompletableFuture.runAsync(() -> app.createTenant(born, "Born"));
            Thread.sleep(150);
            first.kill();
        } finally {
            first.close();
        }
        // FILES_ROOT may hold what is not Tenantry's (a home folder, say): the sweep leaves it alone.
        Path notTenantrys = files.resolve("projects");
        Files.createDirectories(notTenantrys);
        Files.writeString(notTenantrys.resolve("keep.txt"), "mine");
        // A schema named as ready that the set does not list (its build's row gone with a rewritten script).
        String unlisted = ReadySchemas.PREFIX + "unlisted" + suffix;
        try (Connection db = TestDatabase.connect(); Statement statement = db.createStatement()) {
            statement.execute("CREATE SCHEMA " + unlisted);
        }

        try (PayaraProcess second = start()) {
            Tenantry app = ready(second);
            assertFalse(Files.exists(reusedFolder), "the folder of a deleted tenant is swept at start-up");
            assertEquals("mine", Files.readString(notTenantrys.resolve("keep.txt")), "a folder not named as a tenant's stays");
            Files.delete(notTenantrys.resolve("keep.txt"));
            Files.delete(notTenantrys);
            assertWholeOrGone(app, busy);
            for (int tries = 0; count("SELECT count(*) FROM pg_namespace WHERE nspname = '" + unlisted + "'") > 0; tries++) {
                assertTrue(tries < 300, "a ready schema left unlisted is dropped at start-up");
                Thread.sleep(100);
            }
            assertEquals(0, count("SELECT count(*) FROM public.tenant WHERE label = '" + busy + "'"),
                    "a deletion that had taken the tenant out of service is finished at start-up");
            assertWholeOrGone(app, born);

            assertEquals(201, app.createTenant(reused, "Second life").status());
            assertEquals(List.of(), TenantFolders.filesInArchive(app.download(Tenantry.host(reused), "/api/archive")
                    .body()), "a re-created label starts empty");
            assertEquals(404, app.download(Tenantry.host(reused), "/logo").status());

            if (count("SELECT count(*) FROM public.tenant WHERE label = '" + born + "'") == 1) {
                assertEquals(204, app.onPublic("DELETE", "/api/tenants/" + born, null).status());
            }
            assertEquals(201, app.createTenant(born, "Born again").status());
            assertEquals(List.of(), TenantFolders.filesInArchive(app.download(Tenantry.host(born), "/api/archive")
                    .body()));
        }
    }

    private static Tenantry ready(PayaraProcess server) {
        try {
            return new Tenantry(server.url()).awaitReady();
        } catch (AssertionError notReady) {
            throw new AssertionError(notReady.getMessage() + ":\n" + server.tail(), notReady);
        }
    }

    private static long tenantWithACase(Tenantry app, String label) {
        assertEquals(201, app.createTenant(label, label).status());
        String host = Tenantry.host(label);
        long product = app.post(host, "/api/products", "{\"name\":\"P\"}").json().asJsonObject().getInt("id");
        return app.post(host, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"C\"}").json()
                .asJsonObject().getInt("id");
    }

    private static void attach(Tenantry app, String label, long caseId, String content) {
        assertEquals(201, app.post(Tenantry.host(label), "/api/cases/" + caseId + "/attachments?name=a.txt",
                "text/plain", content.getBytes(StandardCharsets.UTF_8)).status());
    }

    private static void awaitOutOfService(Tenantry app, String label) throws InterruptedException {
        for (int tries = 0; tries < 100; tries++) {
            if (app.get(Tenantry.host(label), "/api/products").status() != 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(label + " stayed in service while being deleted");
    }

    /** The tenant is either all there (row in service, schema, answering) or not at all (nor its folder). */
    private void assertWholeOrGone(Tenantry app, String label) throws SQLException {
        String schema = label.replace('-', '_');
        int rows = count("SELECT count(*) FROM public.tenant WHERE label = '" + label + "' AND state = 'active'");
        int anyRows = count("SELECT count(*) FROM public.tenant WHERE label = '" + label + "'");
        int schemas = count("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'");
        if (anyRows == 0) {
            assertEquals(0, schemas, label + ": no row, so no schema");
            assertEquals(404, app.get(Tenantry.host(label), "/api/products").status());
        } else {
            assertEquals(1, rows, label + ": a row left being deleted");
            assertEquals(1, schemas, label + ": a row, so its schema");
            assertEquals(200, app.get(Tenantry.host(label), "/api/products").status());
        }
        assertEquals(Set.of(), TenantFolders.orphans(files), label + ": the start-up swept every folder without its tenant");
    }

    private static int count(String query) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement select = db.prepareStatement(query);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
