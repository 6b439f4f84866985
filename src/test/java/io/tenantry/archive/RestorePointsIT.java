package io.tenantry.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import io.tenantry.tenancy.SchemaName;
import io.tenantry.tenancy.TenantLabel;
import io.tenantry.tenancy.TenantRestores;
import io.tenantry.testing.AdvisoryLocks;
import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.PayaraOnly;
import io.tenantry.testing.SharedServer;
import io.tenantry.testing.SharedState;
import io.tenantry.testing.SlowUpload;
import io.tenantry.testing.TenantFolders;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;
import io.tenantry.testing.TestServers;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Restore points: a tenant restored to a point is the point again, entry for entry, files included;
 * a damaged point changes nothing; another tenant is served all through a restore; a tenant's points
 * are found only in that tenant, restored only by its owner; the schedule's point is taken once a day
 * and the newest RESTORE_POINTS_KEEP are kept.
 */
@ResourceLock(SharedState.RESTORE_POINT_SLOTS)
@ResourceLock(value = TestServers.OPTIONS_LOCK, mode = ResourceAccessMode.READ)
@PayaraOnly("a second instance and one with TENANT_STORAGE_MAX_MB=1: the run's Payara Micro options and localhost servers (TestServers)")
class RestorePointsIT extends DeployedTenantry {

    /** A second instance on the same database and files (the run's options server). */
    @RegisterExtension
    static final SharedServer SECOND = TestServers.options();
    /** An instance whose TENANT_STORAGE_MAX_MB is 1. */
    @RegisterExtension
    static final SharedServer LOCALHOST = TestServers.localhost();

    private static final String PNG_TYPE = "image/png";
    private static final int KEEP = 7; // RESTORE_POINTS_KEEP's default, as the shared server runs

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
    void aRestoredTenantEqualsThePointEntryForEntryFilesIncluded() throws IOException {
        String label = "rp-" + suffix;
        String host = Workspaces.tenant(app, owner, tester, label, suffix);
        Workspaces.fill(host, owner, tester, suffix);
        JsonObject point = take(host);
        assertEquals("manual", point.getString("reason"));
        assertTrue(point.getJsonNumber("sizeBytes").longValue() > 0, point.toString());
        Map<String, byte[]> kept = Archives.entries(Files.readAllBytes(pointFile(label, point)));
        String folderBefore = TenantFolders.of(label).getFileName().toString();

        // What happens after the point: a case added, one changed, the attachment gone, another logo.
        assertEquals(201, owner.post(host, "/api/cases", "{\"productId\":1,\"summary\":\"Later\"}").status());
        owner.put(host, "/api/cases/1", "{\"summary\":\"Changed later\",\"status\":\"CONFIRMED\"}");
        assertEquals(204, owner.delete(host, "/api/attachments/1").status());
        byte[] otherLogo = Workspaces.PNG.clone();
        otherLogo[otherLogo.length - 1] ^= 1;
        owner.put(host, "/api/settings/logo", PNG_TYPE, otherLogo);

        Tenantry.Reply restored = owner.post(host, "/api/restore-points/" + id(point) + "/restore", "");
        assertEquals(200, restored.status(), restored.toString());

        Map<String, byte[]> now = Archives.entries(owner.download(host, "/api/archive").body());
        kept.remove("tenantry-archive.json");
        now.remove("tenantry-archive.json");
        assertEquals(kept.keySet(), now.keySet());
        kept.forEach((name, content) -> assertArrayEquals(content, now.get(name), name + " differs from the point"));
        assertArrayEquals(Workspaces.PNG, owner.download(host, "/api/attachments/1").body(), "the attachment's file is back");
        assertFalse(TenantFolders.of(label).getFileName().toString().equals(folderBefore), "the files are in a new folder");
        assertFalse(Files.exists(TenantFolders.root().resolve(folderBefore)), "the replaced folder is gone");

        List<JsonObject> points = points(host);
        assertEquals("before-restore", points.get(0).getString("reason"), "the state replaced is kept as a point");
        JsonObject entry = owner.get(host, "/api/audit?action=tenant.restored").json().asJsonObject()
                .getJsonArray("items").getJsonObject(0);
        assertEquals(point.getString("takenAt"), entry.getJsonObject("after").getString("pointTakenAt"));
        assertEquals("owner-" + suffix, entry.getString("actor"));
    }

    @Test
    void aDamagedPointChangesNothingFilesIncluded() throws IOException {
        // Cut in half: refused while checked, before anything is written.
        damagedPointChangesNothing("rpd-" + suffix, whole -> java.util.Arrays.copyOf(whole, whole.length / 2));
        // An attachment's bytes not of the size its row says: refused once the rows are in and the
        // logo and that file are written to the new folder, so all of it must be undone.
        damagedPointChangesNothing("rpf-" + suffix, whole -> {
            Map<String, byte[]> entries = Archives.entries(whole);
            entries.put("files/attachment-1", new byte[] {1, 2, 3});
            return Archives.zip(entries);
        });
        // Its file gone (a backup restored without it): refused before anything is written.
        damagedPointChangesNothing("rpm-" + suffix, whole -> null);
    }

    /** {@code damage} gives the point's new bytes, or null to delete its file. */
    private void damagedPointChangesNothing(String label, java.util.function.UnaryOperator<byte[]> damage)
            throws IOException {
        String host = Workspaces.tenant(app, owner, tester, label, suffix);
        Workspaces.fill(host, owner, tester, suffix);
        JsonObject point = take(host);
        Path file = pointFile(label, point);
        assertFalse(Files.exists(file.resolveSibling(id(point) + ".zip")), "named by its row's random key, never by "
                + "an id a database put back from a backup hands out again");
        byte[] damaged = damage.apply(Files.readAllBytes(file));
        if (damaged == null) {
            Files.delete(file);
        } else {
            Files.write(file, damaged);
        }
        assertEquals(201, owner.post(host, "/api/cases", "{\"productId\":1,\"summary\":\"After the point\"}").status());
        byte[] otherLogo = Workspaces.PNG.clone();
        otherLogo[otherLogo.length - 1] ^= 1;
        owner.put(host, "/api/settings/logo", PNG_TYPE, otherLogo);
        byte[] before = owner.download(host, "/api/archive").body();
        Path folder = TenantFolders.of(label);
        List<String> filesBefore = TenantFolders.namesIn(folder);
        java.util.Set<String> orphansBefore = TenantFolders.orphans();

        Tenantry.Reply refused = owner.post(host, "/api/restore-points/" + id(point) + "/restore", "");
        assertEquals(400, refused.status(), refused.toString());
        if (damaged != null) {
            assertTrue(owner.get(host, "/api/audit?limit=500&action=tenant.restore-failed").body()
                    .contains("\"id\":" + id(point)), "the attempt is in the tenant's trail");
        }

        Map<String, byte[]> expected = Archives.entries(before);
        Map<String, byte[]> after = Archives.entries(owner.download(host, "/api/archive").body());
        expected.remove("tenantry-archive.json");
        after.remove("tenantry-archive.json");
        assertEquals(expected.keySet(), after.keySet());
        expected.forEach((name, content) -> assertArrayEquals(content, after.get(name), label + ": " + name + " changed"));
        assertArrayEquals(otherLogo, Files.readAllBytes(folder.resolve("logo")), "the logo of now, not the point's");
        assertEquals(folder, TenantFolders.of(label), "still the same folder");
        assertEquals(filesBefore, TenantFolders.namesIn(folder));
        assertEquals(3, owner.get(host, "/api/cases").json().asJsonObject().getInt("total"));
        TenantFolders.assertNoNewOrphans(orphansBefore, "the restore's new folder was removed");
    }

    @Test
    void aPointTakenWhileMembersUploadAndDeleteAlwaysRestores() throws Exception {
        String label = "rpc-" + suffix;
        String host = Workspaces.tenant(app, owner, tester, label, suffix);
        Workspaces.fill(host, owner, tester, suffix);
        // Many attachment rows (their files long gone), so that the rows take a while to write.
        try (Connection db = TestDatabase.connect();
             PreparedStatement rows = db.prepareStatement("INSERT INTO \"" + TestDatabase.schemaOf(label) + "\".attachment (subject, "
                     + "subject_id, file_name, content_type, size) SELECT 'CASE', 2, 'old-' || n, 'text/plain', 0 "
                     + "FROM generate_series(1, 3000) n")) {
            rows.executeUpdate();
        }
        String operatorTakes = "/api/admin/restore-points/" + label;
        for (int round = 0; round < 3; round++) { // three restores: as many as a tenant may have in an hour
            AtomicBoolean taking = new AtomicBoolean(true);
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> members = new ArrayList<>();
            for (int each = 0; each < 2; each++) {
                members.add(new Thread(() -> {
                    while (taking.get()) {
                        Tenantry.Reply added = tester.post(host, "/api/cases/1/attachments?name=moving.png", PNG_TYPE,
                                Workspaces.PNG);
                        if (added.status() != 201) {
                            failures.add(added.toString());
                            return;
                        }
                        owner.delete(host, "/api/attachments/" + added.json().asJsonObject().getJsonNumber("id"));
                    }
                }));
            }
            members.forEach(Thread::start);
            Tenantry.Reply taken;
            try {
                Thread.sleep(100);
                taken = app.post(Tenantry.host("public"), operatorTakes, "");
            } finally {
                taking.set(false);
                for (Thread member : members) {
                    member.join();
                }
            }
            assertEquals(201, taken.status(), "round " + round + ": " + taken);
            assertEquals(List.of(), failures);
            Tenantry.Reply restored = owner.post(host, "/api/restore-points/" + id(taken.json().asJsonObject())
                    + "/restore", "");
            assertEquals(200, restored.status(), "round " + round + ": " + restored);
        }
    }

    @Test
    void aRestoreIsServed503OnEveryInstanceAndAWriteElsewhereIsRefusedNotLost() throws Exception {
        String label = "rpe-" + suffix;
        String host = Workspaces.tenant(app, owner, tester, label, suffix);
        Workspaces.fill(host, owner, tester, suffix);
        JsonObject point = take(host);
        Tenantry two = new Tenantry(SECOND.process().url()).awaitReady();
        Tenantry testerOnTwo = tester.on(two);
        assertEquals(200, testerOnTwo.get(host, "/api/products").status());

        Tenantry.Reply restored;
        java.util.concurrent.CompletableFuture<Tenantry.Reply> restoring;
        // A transaction of the tenant still open somewhere: the test's own session holds the lock every
        // transaction of the tenant holds, so the restore is seen under way for as long as the test needs.
        try (Connection held = TestDatabase.connect()) {
            holdTheTenantsTransactionLock(held, label);
            restoring = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    owner.post(host, "/api/restore-points/" + id(point) + "/restore", ""));
            // A request that reached the other instance before it heard of the restore waits behind the
            // restore's lock (it runs after the restore, on the restored tenant): given up here, and asked again.
            Tenantry.Download refused = awaitStatus(() -> testerOnTwo.downloadWithin(host, "/api/products",
                    Duration.ofSeconds(2)).orElse(new Tenantry.Download(0, new byte[0], Map.of())), 503);
            assertTrue(Integer.parseInt(refused.header("Retry-After")) > 0, "the other instance says when to come back");
            assertEquals(503, tester.downloadWithin(host, "/api/products", Duration.ofSeconds(10)).orElseThrow()
                    .status(), "and so does the restoring one");
            assertEquals(503, testerOnTwo.post(host, "/api/products", "{\"name\":\"Written elsewhere\"}").status(),
                    "a write on another instance is refused, not lost under the restore");
            assertFalse(restoring.isDone(), "the restore waits for the tenant's transaction");
        }
        restored = restoring.get();
        assertEquals(200, restored.status(), restored.toString());
        awaitStatus(() -> testerOnTwo.download(host, "/api/products"), 200);
        assertEquals(1, testerOnTwo.get(host, "/api/products").json().asJsonObject().getInt("total"),
                "the point's products only");
        assertEquals(201, testerOnTwo.post(host, "/api/products", "{\"name\":\"After\"}").status());
    }

    @Test
    void aRestoreWaitsForATransactionOfAnInstanceOfAVersionBeforeTheLocksByDigest() throws Exception {
        String label = "rpo-" + suffix;
        String host = Workspaces.tenant(app, owner, tester, label, suffix);
        JsonObject point = take(host);
        java.util.concurrent.CompletableFuture<Tenantry.Reply> restoring;
        try (Connection held = TestDatabase.connect()) {
            // The lock a transaction of the tenant holds on an instance older than tenant migration 6.4 (a
            // rolling deployment): the schema's hashtext under the older versions' class.
            try (PreparedStatement lock = held.prepareStatement("SELECT pg_advisory_lock_shared(2097177, hashtext(?))")) {
                lock.setString(1, TestDatabase.schemaOf(label));
                lock.executeQuery().close();
            }
            restoring = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    owner.post(host, "/api/restore-points/" + id(point) + "/restore", ""));
            awaitStatus(() -> tester.download(host, "/api/products"), 503);
            Thread.sleep(1_000); // a restore of this small tenant that did not wait ends well within this
            assertFalse(restoring.isDone(), "the restore waits for the older instance's transaction");
        }
        Tenantry.Reply restored = restoring.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, restored.status(), restored.toString());
    }

    @Test
    void aStrangerIsAnsweredAsByAPrivateTenantAtRestWhileItIsRestored() throws Exception {
        String label = "rph-" + suffix;
        String host = Workspaces.tenant(app, owner, tester, label, suffix);
        owner.post(host, "/api/products", "{\"name\":\"Private\"}");
        Tenantry stranger = app.newAccount("stranger-" + suffix);
        List<Tenantry> strangers = List.of(app.anonymous(), stranger);
        List<String> atRest = answers(host, strangers);
        // A restore under way, as its lease in the registry says on every instance (a hostile-owner review:
        // the anonymous caller was told 503 "being restored", where a private tenant at rest asks him to sign in).
        markRestoring(label, "now() + interval '2 minutes'");
        try {
            awaitStatus(() -> tester.download(host, "/api/products"), 503);
            assertEquals(atRest, answers(host, strangers), "a stranger cannot tell a restore from a tenant at rest");
            assertEquals(503, tester.download(host, "/api/products").status(), "its members are told");
        } finally {
            markRestoring(label, "NULL");
        }
        awaitStatus(() -> tester.download(host, "/api/products"), 200);
    }

    /** What each caller is answered on the tenant's API and pages: status, headers but the date, body (what is random in each left out). */
    private static List<String> answers(String host, List<Tenantry> callers) {
        List<String> answers = new ArrayList<>();
        for (Tenantry caller : callers) {
            for (String path : List.of("/api/products", "/api/restore-points", "/api/members", "/api/archive")) {
                Tenantry.Download answer = caller.download(host, path);
                Map<String, List<String>> headers = new java.util.TreeMap<>(answer.headers());
                headers.keySet().removeIf(name -> name.equalsIgnoreCase("date"));
                answers.add(path + " " + answer.status() + " " + headers + " "
                        + new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            // Writes whose input a resource checks itself (a body missing, a list's sort unknown): at rest the
            // tenant refused a stranger only after the check (400), during a restore before it (401/403).
            for (String[] write : List.of(new String[] {"POST", "/api/plans", ""}, new String[] {"PUT", "/api/cases/1", ""},
                    new String[] {"POST", "/api/runs", "null"}, new String[] {"GET", "/api/products?sort=bogus", null})) {
                Tenantry.Reply reply = switch (write[0]) {
                    case "POST" -> caller.post(host, write[1], write[2]);
                    case "PUT" -> caller.put(host, write[1], write[2]);
                    default -> caller.get(host, write[1]);
                };
                answers.add(write[0] + " " + write[1] + " " + reply.status() + " " + reply.contentType() + " " + reply.body());
            }
            for (String path : List.of("/", "/cases.xhtml")) {
                Tenantry.Reply page = caller.page(host, path);
                String location = page.location() == null ? "" : page.location().replaceAll("\\?.*", "");
                answers.add(path + " " + page.status() + " " + page.contentType() + " " + location + " "
                        + page.body().replaceAll("(?s)<input[^>]*ViewState[^>]*>", "").replaceAll("nonce=\"[^\"]*\"", "")
                        .replaceAll(";jsessionid=[^\"?]*", "")
                        .replaceAll("state=[^&\"]*", "state=").replaceAll("csp\\.init\\('[^']*'\\)", "csp.init()"));
            }
        }
        return answers;
    }

    /** Sets the tenant's restore lease ({@code until}: an SQL expression) and tells every instance. */
    private static void markRestoring(String label, String until) throws SQLException {
        try (Connection db = TestDatabase.connect();
             PreparedStatement lease = db.prepareStatement("UPDATE public.tenant SET restoring_until = " + until
                     + " WHERE label = ?");
             PreparedStatement announce = db.prepareStatement("SELECT pg_notify('tenantry_tenants', ?)")) {
            lease.setString(1, label);
            assertEquals(1, lease.executeUpdate());
            announce.setString(1, label);
            announce.execute();
        }
    }

    @Test
    void aRestoreWhoseInstanceDiedHoldsItsTenantOnlyUntilItsLeaseRunsOut() throws Exception {
        String label = "rpl-" + suffix;
        String host = Workspaces.tenant(app, owner, tester, label, suffix);
        owner.post(host, "/api/products", "{\"name\":\"Kept\"}");
        Tenantry two = new Tenantry(SECOND.process().url()).awaitReady();
        // What an instance that died mid-restore leaves: its lease, moved on no more.
        try (Connection db = TestDatabase.connect();
             PreparedStatement lease = db.prepareStatement("UPDATE public.tenant SET restoring_until = now() + "
                     + "interval '4 seconds' WHERE label = ?");
             PreparedStatement announce = db.prepareStatement("SELECT pg_notify('tenantry_tenants', ?)")) {
            lease.setString(1, label);
            assertEquals(1, lease.executeUpdate());
            announce.setString(1, label);
            announce.execute();
        }
        awaitStatus(() -> owner.download(host, "/api/products"), 503);
        awaitStatus(() -> owner.on(two).download(host, "/api/products"), 503);
        awaitStatus(() -> owner.download(host, "/api/products"), 200);
        awaitStatus(() -> owner.on(two).download(host, "/api/products"), 200);
        assertEquals(201, owner.post(host, "/api/products", "{\"name\":\"Served again\"}").status());
    }

    @Test
    void aSlowUploadDoesNotHoldARestoreAndIsRefusedWhenItEnds() throws Exception {
        String host = Workspaces.tenant(app, owner, tester, "rpu-" + suffix, suffix);
        Workspaces.fill(host, owner, tester, suffix);
        JsonObject point = take(host);
        // Two minutes of trickle: far past the restore's drain.
        SlowUpload slow = SlowUpload.typed(tester, host, "/api/cases/1/attachments?name=slow.txt", "text/plain", 400,
                Duration.ofMillis(300)).awaitStarted();
        Tenantry.Reply restored = owner.post(host, "/api/restore-points/" + id(point) + "/restore", "");
        assertEquals(200, restored.status(), restored.toString());
        assertFalse(slow.status().isDone(), "the upload was still running");
        assertEquals(503, (int) slow.hurry().get(), "what it read of the tenant was replaced: refused, to be sent again");
        assertEquals(1, owner.get(host, "/api/cases/1/attachments").json().asJsonObject().getInt("total"),
                "the point's attachment only");
    }

    @Test
    void anExportReadSlowlyDoesNotHoldTheOwnersRestoreAndIsSentWholeAsItWasMade() throws Exception {
        String label = "rpx-" + suffix;
        String host = Workspaces.tenant(app, owner, tester, label, suffix);
        Workspaces.fill(host, owner, tester, suffix);
        JsonObject point = take(host);
        // Files that do not compress: an archive far larger than what the sockets between can hold.
        int size = 9 * 1024 * 1024;
        for (int i = 0; i < 3; i++) {
            assertEquals(201, owner.post(host, "/api/cases/1/attachments?name=big-" + i + ".bin",
                    "application/octet-stream", randomBytes(size + i)).status());
        }
        java.net.http.HttpResponse<java.io.InputStream> export = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create(owner.server() + "/api/archive")).header("Host", host)
                        .header("Authorization", owner.authorizationHeader()).timeout(Duration.ofMinutes(3)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, export.statusCode());
        // An Administrator on a slow line: 16 KiB every 100 ms, three minutes for the whole archive.
        java.util.concurrent.atomic.AtomicLong read = new java.util.concurrent.atomic.AtomicLong();
        AtomicBoolean slow = new AtomicBoolean(true);
        java.util.concurrent.CompletableFuture<String> reading = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            byte[] chunk = new byte[16 * 1024];
            try (java.io.InputStream body = export.body()) {
                for (int n; (n = body.read(chunk)) >= 0; ) {
                    read.addAndGet(n);
                    if (slow.get()) {
                        Thread.sleep(100);
                    }
                }
                return "ended";
            } catch (IOException cut) {
                return "cut off";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        });
        Thread.sleep(2000);
        assertTrue(read.get() > 0 && !reading.isDone(), "the export is under way: " + read.get());

        Tenantry.Reply restored = owner.post(host, "/api/restore-points/" + id(point) + "/restore", "");
        assertEquals(200, restored.status(), "the slow export kept the restore waiting: " + restored);
        slow.set(false);
        // The archive was made, in one snapshot, before the restore began; it is sent whole, as it was then.
        assertEquals("ended", reading.get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(export.headers().firstValueAsLong("Content-Length").orElseThrow(), read.get());
        assertTrue(read.get() > 3L * size, "the three files of before the restore: " + read.get() + " bytes");
        assertEquals(1, owner.get(host, "/api/cases/1/attachments").json().asJsonObject().getInt("total"),
                "the point's attachment only");
        assertEquals(200, owner.download(host, "/api/archive").status(), "exports work again once restored");
    }

    @Test
    void aTenantAtItsStorageLimitCannotUploadOrTakeAPointItsNeighbourCan() {
        // The localhost server's TENANT_STORAGE_MAX_MB is 1.
        Tenantry operator = new Tenantry(LOCALHOST.process().url(), "localhost").awaitReady();
        Tenantry full = operator.newAccount("full-" + suffix);
        Tenantry neighbour = operator.newAccount("next-" + suffix);
        String fullHost = storageTenant(operator, "rqf-" + suffix, full, "full-" + suffix);
        String neighbourHost = storageTenant(operator, "rqn-" + suffix, neighbour, "next-" + suffix);

        assertEquals(201, full.post(fullHost, "/api/cases/1/attachments?name=big.bin", "application/octet-stream",
                randomBytes(700 * 1024)).status());
        Tenantry.Reply tooMuch = full.post(fullHost, "/api/cases/1/attachments?name=more.bin",
                "application/octet-stream", randomBytes(400 * 1024));
        assertEquals(507, tooMuch.status(), tooMuch.toString());
        assertTrue(tooMuch.body().contains("1 MiB"), tooMuch.body());
        Tenantry.Reply point = full.post(fullHost, "/api/restore-points", "");
        assertEquals(507, point.status(), "a point is a whole copy: " + point);
        assertEquals(1, full.get(fullHost, "/api/cases/1/attachments").json().asJsonObject().getInt("total"),
                "nothing kept of the refused upload");
        assertEquals(0, full.get(fullHost, "/api/restore-points").json().asJsonObject().getInt("total"));
        assertEquals(201, full.post(fullHost, "/api/cases/1/attachments?name=small.bin", "application/octet-stream",
                randomBytes(100 * 1024)).status(), "what still fits is kept");
        Tenantry.Reply atLimit = full.post(fullHost, "/api/cases/1/attachments?name=last.bin",
                "application/octet-stream", randomBytes(300 * 1024));
        assertEquals(507, atLimit.status(), atLimit.toString());

        assertEquals(201, neighbour.post(neighbourHost, "/api/cases/1/attachments?name=own.bin",
                "application/octet-stream", randomBytes(300 * 1024)).status(), "one tenant's limit is its own");
        assertEquals(201, neighbour.post(neighbourHost, "/api/restore-points", "").status());
    }

    /** A tenant on the localhost server, owned by {@code owner}, with a product and a case; its host. */
    private static String storageTenant(Tenantry operator, String label, Tenantry owning, String owner) {
        assertEquals(201, operator.onPublic("POST", "/api/tenants", "{\"label\":\"" + label + "\",\"name\":\""
                + label + "\",\"owner\":\"" + owner + "\"}").status());
        String host = operator.hostOf(label);
        assertEquals(201, owning.post(host, "/api/products", "{\"name\":\"Disk\"}").status());
        assertEquals(201, owning.post(host, "/api/cases", "{\"productId\":1,\"summary\":\"Fill\"}").status());
        return host;
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        return bytes;
    }

    private static Tenantry.Download awaitStatus(java.util.function.Supplier<Tenantry.Download> call, int expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Tenantry.Download last = call.get();
        while (last.status() != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = call.get();
        }
        assertEquals(expected, last.status(), new String(last.body(), java.nio.charset.StandardCharsets.UTF_8));
        return last;
    }

    /** Holds, on the test's session, the lock every transaction of the tenant holds shared. */
    private static void holdTheTenantsTransactionLock(Connection db, String label) throws SQLException {
        AdvisoryLocks.holdShared(db, TenantRestores.lockKeyOf(SchemaName.of(TenantLabel.forNewTenant(label))));
    }

    @Test
    void anotherTenantIsServedAllThroughARestore() throws Exception {
        String host = Workspaces.tenant(app, owner, tester, "rpa-" + suffix, suffix);
        Workspaces.fill(host, owner, tester, suffix);
        JsonObject point = take(host);
        Tenantry neighbour = app.newAccount("neighbour-" + suffix);
        assertEquals(201, app.createTenant("rpn-" + suffix, "Neighbour", "neighbour-" + suffix).status());
        String other = Tenantry.host("rpn-" + suffix);
        neighbour.post(other, "/api/products", "{\"name\":\"Busy\"}");

        AtomicBoolean restoring = new AtomicBoolean(true);
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread load = new Thread(() -> {
            while (restoring.get()) {
                statuses.add(neighbour.get(other, "/api/products").status());
            }
        });
        load.start();
        Tenantry.Reply restored;
        try {
            restored = owner.post(host, "/api/restore-points/" + id(point) + "/restore", "");
        } finally {
            restoring.set(false);
            load.join();
        }
        assertEquals(200, restored.status(), restored.toString());
        assertFalse(statuses.isEmpty());
        assertTrue(statuses.stream().allMatch(status -> status == 200), statuses.toString());
    }

    @Test
    void pointsAreFoundOnlyInTheirTenantAndRestoredOnlyByItsOwner() {
        String host = Workspaces.tenant(app, owner, tester, "rpi-" + suffix, suffix);
        Workspaces.fill(host, owner, tester, suffix);
        JsonObject point = take(host);
        String path = "/api/restore-points/" + id(point);

        Tenantry stranger = app.newAccount("stranger-" + suffix);
        assertEquals(201, app.createTenant("rps-" + suffix, "Stranger's", "stranger-" + suffix).status());
        String strangers = Tenantry.host("rps-" + suffix);
        stranger.post(strangers, "/api/products", "{\"name\":\"Planted\"}");
        assertEquals(404, stranger.get(strangers, path).status(), "another tenant's point is not there");
        assertEquals(404, stranger.post(strangers, path + "/restore", "").status());
        assertEquals(1, stranger.get(strangers, "/api/products").json().asJsonObject().getInt("total"),
                "nothing of the other tenant was planted");
        assertEquals(0, stranger.get(strangers, "/api/restore-points").json().asJsonObject().getInt("total"));

        assertEquals(403, stranger.get(host, "/api/restore-points").status(), "a stranger lists nothing");
        assertEquals(403, stranger.post(host, path + "/restore", "").status());
        assertEquals(403, tester.get(host, "/api/restore-points").status(), "a member without tenant.export");
        assertEquals(403, tester.post(host, "/api/restore-points", "").status());
        assertEquals(401, app.anonymous().get(host, "/api/restore-points").status());

        assertEquals(404, owner.post(host, "/api/restore-points/999999999/restore", "").status());
        assertEquals(1, points(host).size(), "a refused restore takes no point");
    }

    /**
     * Each restore writes a whole copy of the tenant first and holds one of the instance's two slots:
     * owners restoring in a loop kept every other tenant's restore waiting past its turn (a hostile-owner
     * review, 29 tenants). By hand, a tenant is restored at most three times an hour; another is not held back.
     */
    @Test
    void aTenantIsRestoredByHandAtMostThreeTimesAnHour() {
        String host = Workspaces.tenant(app, owner, tester, "rph-" + suffix, suffix);
        String restore = "/api/restore-points/" + id(take(host)) + "/restore";
        for (int restored = 0; restored < 3; restored++) {
            assertEquals(200, owner.post(host, restore, "").status());
        }
        Tenantry.Reply fourth = owner.post(host, restore, "");
        assertEquals(429, fourth.status(), fourth.body());
        assertTrue(fourth.body().contains("restored 3 times"), fourth.body());

        String other = Workspaces.tenant(app, owner, tester, "rpo-" + suffix, suffix);
        assertEquals(200, owner.post(other, "/api/restore-points/" + id(take(other)) + "/restore", "").status());
    }

    @Test
    void theScheduleTakesATenantsPointOnceADayAndKeepsTheNewest() throws IOException {
        String label = "rpk-" + suffix;
        String host = Workspaces.tenant(app, owner, tester, label, suffix);
        owner.post(host, "/api/products", "{\"name\":\"Kept\"}");
        String publicHost = Tenantry.host("public");
        String scheduled = "/api/admin/restore-points/" + label + "/scheduled";
        Tenantry.Reply taken = app.post(publicHost, scheduled, "");
        assertEquals(201, taken.status(), taken.toString());
        assertEquals("scheduled", taken.json().asJsonObject().getString("reason"));
        assertTrue(taken.location().endsWith("/api/restore-points/" + id(taken.json().asJsonObject()))
                && taken.location().contains("://" + label + "."), "read on the tenant's host: " + taken.location());
        assertEquals(409, app.post(publicHost, scheduled, "").status(), "one scheduled point a day");

        List<Path> byHandFirst = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Tenantry.Reply byHand = owner.post(host, "/api/restore-points", "");
            assertEquals(201, byHand.status());
            byHandFirst.add(pointFile(label, byHand.json().asJsonObject()));
        }
        Tenantry.Reply fourth = owner.post(host, "/api/restore-points", "");
        assertEquals(429, fourth.status(), "each point is a whole copy of the tenant on disk: " + fourth.body());
        assertTrue(fourth.body().contains("3 restore points by hand"), fourth.body());
        for (int i = 0; i < KEEP; i++) {
            assertEquals(201, app.post(publicHost, "/api/admin/restore-points/" + label, "").status(),
                    "an operator is not limited");
        }
        List<JsonObject> points = points(host);
        assertEquals(KEEP + 1, points.size(), "the oldest by hand beyond RESTORE_POINTS_KEEP are removed: " + points);
        assertEquals(1, points.stream().filter(p -> p.getString("reason").equals("scheduled")).count(),
                "points by hand never push out the scheduled one: " + points);
        assertTrue(byHandFirst.stream().noneMatch(Files::exists), "their files went with them");
        assertTrue(points.stream().map(p -> pointFile(label, p)).allMatch(Files::exists), "the others' stay");
        assertEquals(3, owner.get(host, "/api/audit?limit=500&action=tenant.restore-point-removed").json()
                .asJsonObject().getInt("total"), "each removal is in the trail");

        JsonObject listed = app.get(publicHost, "/api/admin/restore-points/" + label).json().asJsonObject();
        assertEquals(KEEP + 1, listed.getInt("total"));
        assertEquals(404, app.get(host, "/api/admin/restore-points/" + label).status(), "on the master host only");
        assertEquals(403, owner.get(publicHost, "/api/admin/restore-points/" + label).status(), "for super-users only");
        assertEquals(404, app.get(publicHost, "/api/admin/restore-points/nope-" + suffix).status());
    }

    @Test
    void aTenantsPointsAreNumberedAmongItsOwnAndTellNothingOfAnotherTenants() {
        String label = "rpn-" + suffix;
        String host = tenantOf(label, "owner-" + suffix);
        String otherLabel = "rpo-" + suffix;
        Tenantry other = app.newAccount("other-" + suffix);
        String otherHost = tenantOf(otherLabel, "other-" + suffix);
        String publicHost = Tenantry.host("public");

        Tenantry.Reply first = owner.post(host, "/api/restore-points", "");
        assertEquals(201, first.status(), first.toString());
        // Another tenant takes points between two of this one's: nothing of it may show here.
        for (int i = 0; i < 3; i++) {
            assertEquals(201, app.post(publicHost, "/api/admin/restore-points/" + otherLabel, "").status());
        }
        Tenantry.Reply second = owner.post(host, "/api/restore-points", "");
        assertEquals(201, second.status(), second.toString());

        assertEquals(1, id(first.json().asJsonObject()), first.body());
        assertEquals(2, id(second.json().asJsonObject()), "the next of this tenant's, whatever others took: "
                + second.body());
        assertTrue(second.location().endsWith("/api/restore-points/2"), second.location());
        assertEquals(List.of(2L, 1L), points(host).stream().map(RestorePointsIT::id).toList());
        assertEquals(List.of(3L, 2L, 1L), owner(other, otherHost).stream().map(RestorePointsIT::id).toList(),
                "the other tenant's are its own 1, 2, 3");
        assertEquals(List.of(2L, 1L), app.get(publicHost, "/api/admin/restore-points/" + label + "?limit=500").json()
                .asJsonObject().getJsonArray("items").getValuesAs(JsonValue::asJsonObject).stream()
                .map(RestorePointsIT::id).toList(), "operators see the tenant's numbers too");
        assertEquals(List.of(1L, 2L), owner.get(host, "/api/audit?limit=500&action=tenant.restore-point").json()
                .asJsonObject().getJsonArray("items").getValuesAs(JsonValue::asJsonObject).stream()
                .map(entry -> entry.getJsonObject("after").getJsonNumber("id").longValue()).toList(),
                "the trail names each point by its number");

        // A number only the other tenant has, and the other tenant's rows' ids, reach nothing here.
        List<Long> unreachable = new ArrayList<>(List.of(3L));
        unreachable.addAll(rowIdsOf(otherLabel).stream().filter(rowId -> rowId > 2).toList());
        for (long number : unreachable) {
            assertEquals(404, owner.get(host, "/api/restore-points/" + number).status(), "point " + number);
            assertEquals(404, owner.post(host, "/api/restore-points/" + number + "/restore", "").status(),
                    "point " + number);
        }
        assertEquals(2, points(host).size(), "a refused restore takes no point");

        // Restored to its first point, the tenant keeps counting on: the point of what was replaced is 3.
        Tenantry.Reply restored = owner.post(host, "/api/restore-points/1/restore", "");
        assertEquals(200, restored.status(), restored.toString());
        assertEquals(List.of(3L, 2L, 1L), points(host).stream().map(RestorePointsIT::id).toList());
        assertEquals("before-restore", owner.get(host, "/api/restore-points/3").json().asJsonObject().getString("reason"));
        assertEquals(List.of(3L, 2L, 1L), owner(other, otherHost).stream().map(RestorePointsIT::id).toList(),
                "the other tenant's points are as they were");
    }

    @Test
    void pointsTakenAtOnceOnTwoInstancesTakeDistinctConsecutiveNumbers() throws Exception {
        String label = "rpt-" + suffix;
        tenantOf(label, "owner-" + suffix);
        String publicHost = Tenantry.host("public");
        Tenantry two = new Tenantry(SECOND.process().url()).awaitReady();
        List<Long> taken = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> operators = new ArrayList<>();
        for (Tenantry instance : List.of(app, app.on(two), app, app.on(two))) {
            operators.add(new Thread(() -> {
                for (int i = 0; i < 2; i++) {
                    Tenantry.Reply reply = instance.post(publicHost, "/api/admin/restore-points/" + label, "");
                    if (reply.status() == 201) {
                        taken.add(id(reply.json().asJsonObject()));
                    } else if (reply.status() != 409 && reply.status() != 429) {
                        // 409: this instance was taking one of the tenant already; 429: its slots were busy
                        failures.add(reply.toString());
                    }
                }
            }));
        }
        operators.forEach(Thread::start);
        for (Thread operator : operators) {
            operator.join();
        }
        assertTrue(failures.isEmpty(), failures.toString());
        assertTrue(taken.size() >= 2, "each instance took at least one: " + taken);
        List<Long> expected = java.util.stream.LongStream.rangeClosed(1, taken.size()).boxed().toList();
        assertEquals(expected, taken.stream().sorted().toList(), "distinct and consecutive");
        List<Long> listed = new ArrayList<>(points(Tenantry.host(label)).stream().map(RestorePointsIT::id).toList());
        java.util.Collections.sort(listed);
        assertEquals(expected.subList(Math.max(0, expected.size() - KEEP), expected.size()), listed,
                "the newest RESTORE_POINTS_KEEP of them are listed");
    }

    /** A new tenant of this label, owned by {@code ownerName}; gives its host. */
    private String tenantOf(String label, String ownerName) {
        assertEquals(201, app.createTenant(label, "Numbered", ownerName).status());
        return Tenantry.host(label);
    }

    private static List<JsonObject> owner(Tenantry owner, String host) {
        return owner.get(host, "/api/restore-points?limit=500").json().asJsonObject().getJsonArray("items")
                .getValuesAs(JsonValue::asJsonObject);
    }

    /** The platform-wide ids of the tenant's points' rows, never shown to it. */
    private static List<Long> rowIdsOf(String label) {
        List<Long> ids = new ArrayList<>();
        try (Connection db = TestDatabase.connect();
             PreparedStatement select = db.prepareStatement("SELECT p.id FROM public.restore_point p JOIN public.tenant t "
                     + "ON t.id = p.tenant_id WHERE t.label = ?")) {
            select.setString(1, label);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private JsonObject take(String host) {
        Tenantry.Reply taken = owner.post(host, "/api/restore-points", "");
        assertEquals(201, taken.status(), taken.toString());
        JsonObject point = taken.json().asJsonObject();
        assertEquals(point.toString(), owner.get(host, "/api/restore-points/" + id(point)).json().toString());
        return point;
    }

    private List<JsonObject> points(String host) {
        return owner.get(host, "/api/restore-points?limit=500").json().asJsonObject().getJsonArray("items")
                .getValuesAs(JsonValue::asJsonObject);
    }

    private static long id(JsonObject point) {
        return point.getJsonNumber("id").longValue();
    }

    private static Path pointFile(String label, JsonObject point) {
        try (Connection db = TestDatabase.connect();
             PreparedStatement select = db.prepareStatement("SELECT p.file_key FROM public.restore_point p JOIN "
                     + "public.tenant t ON t.id = p.tenant_id WHERE t.label = ? AND p.number = ?")) {
            select.setString(1, label);
            select.setLong(2, id(point));
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), point.toString());
                return pointFolder(label).resolve(row.getString(1) + ".zip");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path pointFolder(String label) {
        try (Connection db = TestDatabase.connect();
             PreparedStatement select = db.prepareStatement("SELECT id FROM public.tenant WHERE label = ?")) {
            select.setString(1, label);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), label);
                return TenantFolders.root().resolve(".restore-points").resolve("tenant-" + row.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
