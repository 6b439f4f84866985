package io.tenantry.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * A tenant exported and imported into an empty one gives the same workspace, entry for entry;
 * only its administrators may do it, only into an empty tenant, and nothing of another tenant
 * travels with it.
 */
class ArchiveIT extends DeployedTenantry {

    private static final String ZIP = "application/zip";

    private String suffix;
    private Tenantry owner;
    private Tenantry tester;

    @BeforeEach
    void people() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        owner = app.newAccount("owner-" + suffix);
        tester = app.newAccount("tester-" + suffix);
    }

    @Test
    void anExportImportedIntoAnEmptyTenantGivesTheSameWorkspace() throws IOException {
        String source = tenant("src-" + suffix);
        fill(source);
        Tenantry.Download exported = owner.download(source, "/api/archive");
        assertEquals(200, exported.status());
        assertTrue(exported.header("Content-Disposition").contains("src-" + suffix), exported.header("Content-Disposition"));
        Map<String, byte[]> original = entries(exported.body());
        assertTrue(original.keySet().containsAll(java.util.List.of("tenantry-archive.json", "accounts.json",
                "members.json", "tables/test_case.jsonl", "files/logo")), original.keySet().toString());

        String target = tenant("dst-" + suffix);
        Tenantry.Reply imported = owner.post(target, "/api/archive", ZIP, exported.body());
        assertEquals(200, imported.status(), imported.toString());

        Map<String, byte[]> copy = entries(owner.download(target, "/api/archive").body());
        original.remove("tenantry-archive.json");
        copy.remove("tenantry-archive.json");
        assertEquals(original.keySet(), copy.keySet());
        original.forEach((name, content) -> assertArrayEquals(content, copy.get(name), name + " differs"));

        for (String path : new String[] {"/api/cases", "/api/plans/1", "/api/runs/1", "/api/cases/1/history",
                "/api/runs/1/executions/1/comments", "/api/groups"}) {
            assertEquals(owner.get(source, path).body(), owner.get(target, path).body(), path);
        }
        assertEquals(200, tester.get(target, "/api/cases").status(), "members come along, with their groups");
        assertArrayEquals(owner.download(source, "/api/attachments/1").body(),
                owner.download(target, "/api/attachments/1").body());
        assertEquals(201, owner.post(target, "/api/cases", "{\"productId\":1,\"summary\":\"After the import\"}")
                .status(), "new rows continue after the imported ids");
    }

    @Test
    void membersWhoCannotBeInvitedAreListedAndTheRestIsImported() throws Exception {
        String source = tenant("who-" + suffix);
        fill(source);
        String refused = "local-" + suffix + "@localhost"; // as the default super-user's: our address rule refuses it
        String mailedOut = "busy-" + suffix + "@example.com"; // received its share of invitation mails today
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            for (String address : new String[] {refused, mailedOut}) {
                String user = address.substring(0, address.indexOf('@'));
                sql.executeUpdate("INSERT INTO public.account (username, email, password_hash) VALUES ('" + user
                        + "', '" + address + "', 'x')");
                sql.executeUpdate("INSERT INTO public.tenant_member (tenant_id, account_id) SELECT t.id, a.id "
                        + "FROM public.tenant t, public.account a WHERE t.label = 'who-" + suffix
                        + "' AND a.email = '" + address + "'");
            }
            sql.executeUpdate("INSERT INTO public.invitation_mail (email) SELECT '" + mailedOut
                    + "' FROM generate_series(1, 5)");
        }
        byte[] archive = owner.download(source, "/api/archive").body();

        String target = tenant("into-" + suffix);
        Tenantry.Reply imported = owner.post(target, "/api/archive", ZIP, archive);
        assertEquals(200, imported.status(), imported.toString());
        JsonObject outcome = imported.json().asJsonObject();
        assertEquals(List.of(mailedOut, refused), outcome.getJsonArray("notInvited").getValuesAs(JsonString::getString));
        assertFalse(outcome.getJsonArray("invited").toString().contains(suffix + "@"), outcome.toString());
        assertEquals(2, owner.get(target, "/api/cases").json().asJsonObject().getInt("total"), "the rest is imported");
    }

    @Test
    void onlyAnEmptyTenantTakesAnArchiveAndABrokenOneChangesNothing() {
        String source = tenant("full-" + suffix);
        fill(source);
        byte[] archive = owner.download(source, "/api/archive").body();
        Tenantry.Reply notEmpty = owner.post(source, "/api/archive", ZIP, archive);
        assertEquals(400, notEmpty.status(), notEmpty.toString());
        assertEquals(2, owner.get(source, "/api/cases").json().asJsonObject().getInt("total"));

        String empty = tenant("empty-" + suffix);
        byte[] truncated = java.util.Arrays.copyOf(archive, archive.length / 2);
        assertEquals(400, owner.post(empty, "/api/archive", ZIP, truncated).status());
        assertEquals(400, owner.post(empty, "/api/archive", ZIP, "not a zip".getBytes(StandardCharsets.UTF_8)).status());
        assertEquals(0, owner.get(empty, "/api/cases").json().asJsonObject().getInt("total"));
        assertEquals(404, owner.download(empty, "/logo").status(), "no file of a failed import stays");
    }

    @Test
    void onlyAdministratorsExportAndNothingOfAnotherTenantTravels() throws IOException {
        String mine = tenant("mine-" + suffix);
        fill(mine);
        assertEquals(403, tester.download(mine, "/api/archive").status(), "a Tester is not an Administrator");
        assertEquals(403, tester.post(mine, "/api/archive", ZIP, new byte[] {1}).status());
        assertEquals(403, app.newAccount("stranger-" + suffix).download(mine, "/api/archive").status());

        Tenantry neighbour = app.newAccount("neighbour-" + suffix);
        assertEquals(201, app.createTenant("theirs-" + suffix, "Theirs", "neighbour-" + suffix).status());
        String theirs = Tenantry.host("theirs-" + suffix);
        neighbour.post(theirs, "/api/products", "{\"name\":\"Neighbour secret product\"}");
        String archive = new String(owner.download(mine, "/api/archive").body(), StandardCharsets.ISO_8859_1);
        for (byte[] content : entries(archive.getBytes(StandardCharsets.ISO_8859_1)).values()) {
            assertFalse(new String(content, StandardCharsets.UTF_8).contains("Neighbour secret"));
            assertFalse(new String(content, StandardCharsets.UTF_8).contains("neighbour-" + suffix));
        }
    }

    @Test
    void anArchiveNumbersItsPeopleAmongItsOwnAndTellsNothingOfThePlatformsAccountIds() throws IOException {
        // Platform-wide account ids would tell any owner how many accounts others made, and how fast.
        String mine = tenant("people-" + suffix);
        fill(mine);
        byte[] exported = owner.download(mine, "/api/archive").body();
        Map<String, byte[]> archive = entries(exported);

        List<Long> numbers = jakarta.json.Json.createReader(new ByteArrayInputStream(archive.get("accounts.json")))
                .readArray().stream().map(person -> person.asJsonObject().getJsonNumber("id").longValue()).toList();
        assertEquals(List.of(1L, 2L), numbers, "the owner and the Tester, numbered 1 and 2");
        java.util.regex.Matcher named = java.util.regex.Pattern.compile(
                "\"(author_id|updated_by|default_tester_id|account_id|manager_id|assignee_id|uploaded_by)\":(\\d+)")
                .matcher(new String(archive.entrySet().stream().filter(entry -> entry.getKey().startsWith("tables/"))
                        .map(entry -> new String(entry.getValue(), StandardCharsets.UTF_8))
                        .reduce("", String::concat)));
        int references = 0;
        while (named.find()) {
            assertTrue(numbers.contains(Long.parseLong(named.group(2))), named.group() + " names one of accounts.json");
            references++;
        }
        assertTrue(references >= 10, "the rows name people: " + references);

        String copy = tenant("people2-" + suffix);
        Tenantry.Reply imported = owner.post(copy, "/api/archive", ZIP, exported);
        assertEquals(200, imported.status(), imported.toString());
        assertEquals(owner.get(mine, "/api/cases/1/history").body(), owner.get(copy, "/api/cases/1/history").body(),
                "imported, each number names the person it stood for");
        assertEquals(owner.get(mine, "/api/runs/1").body(), owner.get(copy, "/api/runs/1").body());
    }

    private String tenant(String label) {
        return Workspaces.tenant(app, owner, tester, label, suffix);
    }

    private void fill(String host) {
        Workspaces.fill(host, owner, tester, suffix);
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
