package io.tenantry.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.TenantFolders;
import io.tenantry.testing.TestDatabase;
import io.tenantry.testing.Tenantry;

/**
 * The database-level backup of one tenant that docs/operations.md gives ("Backing up one tenant at the
 * database level"): its two shell blocks, read from the document and run as written (each in a shell
 * of its own, as days may pass between them) with the PostgreSQL client on the PATH against the run's
 * database and files. The client is Debian's {@code postgresql-client}; without it (or with one older
 * than the server) the test is skipped, unless TENANTRY_PG_CLIENT_REQUIRED is set, as .ci/run does.
 */
class TenantSchemaDumpIT extends DeployedTenantry {

    private static final Path OPERATIONS = Path.of("docs", "operations.md");
    private static final String SECTION = "## Backing up one tenant at the database level";
    /** The label the document's commands name. */
    private static final String DOCUMENTED_LABEL = "acme";

    @Test
    void aTenantPutBackFromItsDumpEqualsItsExportWhenDumpedFilesIncludedAndItsNeighbourKeepsWhatItDidMeanwhile(
            @TempDir Path work) throws Exception {
        List<String> blocks = documentedBlocks();
        assertEquals(2, blocks.size(), "the section holds a block to back up and one to put back: " + blocks);
        requireClient();
        Filled filled = filledTenant("dump-");
        String suffix = filled.suffix();
        Tenantry owner = filled.owner();
        String label = filled.label();
        String host = filled.host();
        // A stranger's tenant beside it, changed between the dump and the restore.
        Tenantry stranger = app.newAccount("stranger-" + suffix);
        String neighbour = "dumpn-" + suffix;
        assertEquals(201, app.createTenant(neighbour, neighbour, "stranger-" + suffix).status());
        String neighbourHost = Tenantry.host(neighbour);
        Map<String, byte[]> dumped = Archives.entries(owner.download(host, "/api/archive").body());

        run(blocks.get(0), label, work);

        // What happens after the dump: a case added, one changed, the attachment gone, another logo, and
        // products taken from Testers (each instance keeps the permissions it read while the tenant's count of
        // access changes stands still: the put-back must count its change too).
        Tenantry tester = filled.tester();
        assertEquals(200, tester.get(host, "/api/products").status(), "a Tester reads products");
        assertEquals(204, owner.put(host, "/api/groups/" + owner.groupId(host, "Tester"),
                "{\"permissions\":[\"CASE_VIEW\"]}").status());
        assertEquals(403, tester.get(host, "/api/products").status(), "products taken from Testers");
        assertEquals(201, owner.post(host, "/api/cases", "{\"productId\":1,\"summary\":\"Later\"}").status());
        owner.put(host, "/api/cases/1", "{\"summary\":\"Changed later\",\"status\":\"CONFIRMED\"}");
        assertEquals(204, owner.delete(host, "/api/attachments/1").status());
        byte[] otherLogo = Workspaces.PNG.clone();
        otherLogo[otherLogo.length - 1] ^= 1;
        assertEquals(204, owner.put(host, "/api/settings/logo", "image/png", otherLogo).status());
        assertEquals(201, stranger.post(neighbourHost, "/api/products", "{\"name\":\"Meanwhile\"}").status());
        String folderBefore = TenantFolders.of(label).getFileName().toString();

        run(blocks.get(1), label, work);

        Map<String, byte[]> now = awaitServedAgain(owner, host);
        dumped.remove("tenantry-archive.json");
        now.remove("tenantry-archive.json");
        assertEquals(dumped.keySet(), now.keySet());
        dumped.forEach((name, content) -> assertArrayEquals(content, now.get(name), name + " differs from the dump"));
        assertArrayEquals(Workspaces.PNG, owner.download(host, "/api/attachments/1").body(), "the attachment's file is back");
        assertArrayEquals(Workspaces.PNG, owner.download(host, "/logo").body(), "the logo of the dump is back");
        assertFalse(Files.exists(TenantFolders.root().resolve(folderBefore)), "the folder it replaced is gone");
        assertEquals(201, owner.post(host, "/api/cases", "{\"productId\":1,\"summary\":\"After\"}").status(),
                "the schema's sequences came back with its rows: a new case takes a free id");
        assertEquals(List.of("Meanwhile"), productNames(stranger, neighbourHost),
                "the neighbour keeps what it did meanwhile");
        assertEquals(200, tester.get(host, "/api/products").status(), "the dump's groups are back: Testers read products");
    }

    /**
     * A put-back moves the tenant to a new folder and announces it; an instance that has not heard yet
     * (here: the folder renamed and changed in the database without the announcement) must
     * not send an archive of the rows without their files: it answers 503 and, having read the tenant
     * again, sends them whole. Seen in .ci/run on WildFly, whose instance heard a moment late: the
     * export answered 200 without the logo and the attachment.
     */
    @Test
    void anExportBeforeTheInstanceHearsOfANewFolderIsRefusedNotSentWithoutItsFiles() throws Exception {
        Filled filled = filledTenant("moved-");
        Tenantry owner = filled.owner();
        String label = filled.label();
        String host = filled.host();
        List<String> files = TenantFolders.filesInArchive(owner.download(host, "/api/archive").body());
        assertFalse(files.isEmpty(), "the logo and the attachment: " + files);

        String moved = UUID.randomUUID().toString();
        Files.move(TenantFolders.of(label), TenantFolders.root().resolve(moved));
        try (Connection db = TestDatabase.connect(); var update = db.prepareStatement(
                "UPDATE public.tenant SET files_folder = ? WHERE label = ?")) {
            update.setString(1, moved);
            update.setString(2, label);
            assertEquals(1, update.executeUpdate());
        }

        Tenantry.Download unheard = owner.download(host, "/api/archive");
        assertEquals(503, unheard.status(), "not an archive without its files: "
                + (unheard.status() == 200 ? TenantFolders.filesInArchive(unheard.body()) : ""));
        assertEquals(files, awaitServedAgain(owner, host).keySet().stream().filter(name -> name.startsWith("files/"))
                .sorted().toList());
    }

    /** A tenant of its own owner and tester, with a workspace, a logo and an attachment ({@link Workspaces#fill}). */
    private record Filled(String suffix, Tenantry owner, Tenantry tester, String label, String host) {
    }

    private Filled filledTenant(String labelPrefix) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Tenantry owner = app.newAccount("owner-" + suffix);
        Tenantry tester = app.newAccount("tester-" + suffix);
        String label = labelPrefix + suffix;
        String host = Workspaces.tenant(app, owner, tester, label, suffix);
        Workspaces.fill(host, owner, tester, suffix);
        return new Filled(suffix, owner, tester, label, host);
    }

    /** The {@code sh} blocks of the section, in order. */
    private static List<String> documentedBlocks() throws IOException {
        String document = Files.readString(OPERATIONS, StandardCharsets.UTF_8);
        int start = document.indexOf(SECTION);
        assertTrue(start >= 0, "docs/operations.md has the section " + SECTION);
        int end = document.indexOf("\n## ", start + SECTION.length());
        String section = document.substring(start, end < 0 ? document.length() : end);
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    /** pg_dump, pg_restore and psql on the PATH, pg_dump of the server's major version or newer. */
    private static void requireClient() throws Exception {
        String missing = null;
        int serverMajor;
        try (Connection db = TestDatabase.connect()) {
            serverMajor = db.getMetaData().getDatabaseMajorVersion();
        }
        for (String tool : List.of("psql", "pg_restore", "pg_dump")) {
            String version = output(List.of(tool, "--version"));
            Matcher major = Pattern.compile("\\(PostgreSQL\\) (\\d+)").matcher(version);
            if (!major.find()) {
                missing = tool + " is not on the PATH";
            } else if (Integer.parseInt(major.group(1)) < serverMajor) {
                missing = tool + " " + major.group(1) + " is older than the server (" + serverMajor + ")";
            }
        }
        if (missing != null && System.getenv("TENANTRY_PG_CLIENT_REQUIRED") != null) {
            throw new AssertionError(missing + ": apt-get install postgresql-client");
        }
        Assumptions.assumeTrue(missing == null, missing + " (apt-get install postgresql-client)");
    }

    /**
     * Runs a block in a bash of its own (stopping at the first failing command), in {@code work}, with
     * {@code DB} and {@code FILES_ROOT} as the document asks and the tenant's label for the one it names.
     */
    private static void run(String block, String label, Path work) throws Exception {
        String script = block.replace("'" + DOCUMENTED_LABEL + "'", "'" + label + "'")
                .replace(DOCUMENTED_LABEL + ".dump", label + ".dump")
                .replace(DOCUMENTED_LABEL + "-files.tar", label + "-files.tar");
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(work.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = bash.environment();
        String url;
        try (Connection db = TestDatabase.connect()) {
            url = db.getMetaData().getURL();
            env.put("PGUSER", db.getMetaData().getUserName());
        }
        env.put("DB", url.replaceFirst("^jdbc:", ""));
        env.put("PGPASSWORD", System.getenv().getOrDefault("DB_PASSWORD", ""));
        env.put("FILES_ROOT", TenantFolders.root().toString());
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the block ended: " + script);
        assertEquals(0, process.exitValue(), "the block ran:\n" + script + "\nand said:\n" + output);
    }

    /** The tenant's export once the server has heard of its new folder (a request meanwhile may answer 503). */
    private static Map<String, byte[]> awaitServedAgain(Tenantry owner, String host) throws Exception {
        for (int tries = 0; tries < 50; tries++) {
            Tenantry.Download export = owner.download(host, "/api/archive");
            if (export.status() == 200) {
                return Archives.entries(export.body());
            }
            assertEquals(503, export.status(), "refused only while the folder changes");
            Thread.sleep(200);
        }
        throw new AssertionError("the tenant is not served 10 s after its restore");
    }

    private static List<String> productNames(Tenantry reader, String host) {
        return reader.get(host, "/api/products").json().asJsonObject().getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString("name")).toList();
    }

    private static String output(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return said;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
