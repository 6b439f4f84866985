package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.tenantry.testing.PayaraOnly;
import io.tenantry.testing.Heap;
import io.tenantry.testing.HugeRequest;
import io.tenantry.testing.SharedServer;
import io.tenantry.testing.PayaraProcess;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestServers;
import io.tenantry.testing.WebSession;

/**
 * Bodies larger than memory, on a server with a 256 MiB heap and a known root folder (the run's
 * options server, {@link TestServers#options()}): each is refused (413, 415 or 400) without being read whole, the server lives on with
 * its heap after a full collection where it was, and nothing stays in the folder where the
 * container spools uploads, nor anywhere else under the server's root.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@PayaraOnly("a server with a 256 MiB heap and a root folder of its own: the run's Payara Micro options server (TestServers.options)")
@ResourceLock(TestServers.OPTIONS_LOCK) // its heap and folders, measured, are no other class's to move meanwhile
class UntrustedBodiesIT {

    private static final long MiB = 1024 * 1024;
    private static final long GB = 1_000_000_000L;
    /** Garbage the server may keep after the refusals (pools, caches of classes met), far below any body. */
    private static final long HEAP_MARGIN = 24 * MiB;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @RegisterExtension
    static final SharedServer OPTIONS = TestServers.options();

    private static Path root;
    private static PayaraProcess server;
    private static Tenantry app;
    private static Tenantry owner;
    private static String ownerName;
    private static String label;
    private static String host;
    private static long caseId;
    private static WebSession browser;
    private static long heapAtStart;

    @BeforeAll
    static void aServerWithA256MiBHeap() throws Exception {
        root = TestServers.OPTIONS_ROOT;
        server = OPTIONS.process();
        app = new Tenantry(server.url()).awaitReady();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        label = "big-" + suffix;
        ownerName = "owner-" + suffix;
        owner = app.newAccount(ownerName);
        assertEquals(201, paidTenant(label, "Big"), "paid for: the options server blocks unpaid tenants");
        host = Tenantry.host(label);
        long product = owner.post(host, "/api/products", "{\"name\":\"P\"}").json().asJsonObject()
                .getJsonNumber("id").longValue();
        caseId = owner.post(host, "/api/cases", "{\"productId\":" + product + ",\"summary\":\"Upload\"}").json()
                .asJsonObject().getJsonNumber("id").longValue();

        browser = new WebSession(server.url().toURI());
        WebSession.Page signIn = browser.get(WebSession.url("public", "/signin.xhtml"));
        browser.follow(browser.submit(signIn, "signin", Map.of("signin:username", "owner-" + suffix,
                "signin:password", Tenantry.PASSWORD_OF_NEW_ACCOUNTS), "signin:submit"));
        WebSession.Page inside = browser.follow(browser.get(WebSession.url("public", "/go/" + label)));
        assertEquals(200, inside.status(), inside.body());
    }

    /** A tenant of {@link #ownerName}, paid for a month. */
    private static int paidTenant(String label, String name) {
        return app.onPublic("POST", "/api/tenants", "{\"label\":\"" + label + "\",\"name\":\"" + name
                + "\",\"owner\":\"" + ownerName + "\",\"paidUntil\":\"" + Instant.now().plus(30, ChronoUnit.DAYS)
                + "\"}").status();
    }

    @Test
    @Order(1)
    void aPageUploadOverTheCapAnswersWithThePagesMessageAndNothingStaysSpooled() throws Exception {
        WebSession.Page refused = uploadOnTheCasePage("big.bin", "a".repeat((int) (10 * MiB) + 1));
        assertEquals(200, refused.status(), refused.body());
        assertTrue(refused.body().contains("The file is larger than the 10 MB allowed."), refused.body());
        assertEquals(0, owner.get(host, "/api/cases/" + caseId + "/attachments").json().asJsonObject().getJsonArray("items").size());
        assertNothingSpooled();

        WebSession.Page kept = uploadOnTheCasePage("notes.txt", "a".repeat(100_000));
        assertEquals(200, kept.status(), kept.body());
        assertEquals(1, owner.get(host, "/api/cases/" + caseId + "/attachments").json().asJsonObject().getJsonArray("items").size(),
                "an upload within the cap is kept");
        assertNothingSpooled();
        Path spool = spoolFolder();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spool)),
                "only the server's user reads the parts while a request has them");
    }

    @Test
    @Order(2)
    void bodiesLargerThanTheHeapAreRefusedUnreadAndTheHeapStaysWhereItWas() throws Exception {
        assertEquals(204, owner.put(host, "/api/settings/logo", "image/png", png(1024)).status(), "a logo fits");
        heapAtStart = Heap.usedAfterGc(server.pid());

        HugeRequest.Body logo = new HugeRequest.Body(PNG_SIGNATURE, 350 * MiB, (byte) 0, new byte[0]);
        expectRefused(413, api().header("Content-Type", "image/png").send("PUT", "/api/settings/logo", logo), logo);
        expectRefused(413, api().header("Content-Type", "image/png").sendChunked("PUT", "/api/settings/logo", logo), logo);

        HugeRequest.Body json = new HugeRequest.Body("{\"name\":\"".getBytes(StandardCharsets.UTF_8), GB, (byte) 'x',
                "\"}".getBytes(StandardCharsets.UTF_8));
        expectRefused(413, api().header("Content-Type", "application/json").sendChunked("POST", "/api/products", json), json);

        WebSession.Page casePage = browser.get(WebSession.url(label, "/case.xhtml?id=" + caseId));
        String boundary = "----bodies" + UUID.randomUUID();
        HugeRequest.Body pageUpload = multipart(browser.hiddenFields(casePage, "attach"), boundary, GB);
        expectRefused(413, onPage(host, boundary).send("POST", "/case.xhtml?id=" + caseId, pageUpload), pageUpload);
        HugeRequest.Body belowListenerCap = multipart(browser.hiddenFields(casePage, "attach"), boundary, 400 * MiB);
        HugeRequest.Answer tooLarge = onPage(host, boundary).send("POST", "/case.xhtml?id=" + caseId, belowListenerCap);
        expectRefused(413, tooLarge, belowListenerCap);
        assertTrue(tooLarge.body().contains("10 MB"), "the application's answer, with the limit: " + tooLarge.body());

        String publicHost = Tenantry.host("public");
        HugeRequest.Body signIn = multipart(Map.of("signin", "signin"), boundary, GB);
        expectRefused(413, onPage(publicHost, boundary).send("POST", "/signin.xhtml", signIn), signIn);
        HugeRequest.Body fortyMb = multipart(Map.of("signin", "signin"), boundary, 40 * MiB);
        expectRefused(415, onPage(publicHost, boundary).send("POST", "/signin.xhtml", fortyMb), fortyMb);

        assertTheServerLivesWithItsHeap();
        assertNothingSpooled();
    }

    @Test
    @Order(3)
    void aZipBombIsRefusedAndTheHeapStaysWhereItWas() throws Exception {
        byte[] bomb = zipBomb(GB);
        assertTrue(bomb.length < 2 * MiB, "a small archive: " + bomb.length);
        String empty = "empty-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, paidTenant(empty, "Empty"), "a tenant with nothing to import over");
        HugeRequest.Answer answer = new HugeRequest(app.server(), Tenantry.host(empty))
                .header("Authorization", owner.authorizationHeader()).header("Accept", "application/json")
                .header("Content-Type", "application/zip").send("POST", "/api/archive", HugeRequest.Body.of(bomb));
        assertTrue(answer.status() == 400 || answer.status() == 413, answer.status() + " " + answer.body());
        assertTheServerLivesWithItsHeap();
        assertNothingSpooled();
    }

    private WebSession.Page uploadOnTheCasePage(String fileName, String content) {
        WebSession.Page casePage = browser.get(WebSession.url(label, "/case.xhtml?id=" + caseId));
        assertEquals(200, casePage.status(), casePage.body());
        String boundary = "----bodies" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        browser.hiddenFields(casePage, "attach").forEach((name, value) -> field(body, boundary, name, value));
        field(body, boundary, "attach:upload", "");
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"attach:file_input\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content)
                .append("\r\n--").append(boundary).append("--\r\n");
        return browser.send(browser.action(casePage, "attach"), "POST", "multipart/form-data; boundary=" + boundary,
                body.toString(), Map.of("Accept", "text/html"));
    }

    private static void field(StringBuilder body, String boundary, String name, String value) {
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                .append("\"\r\n\r\n").append(value).append("\r\n");
    }

    /** A page's form with a file of {@code fileBytes} made up as it is sent. */
    private static HugeRequest.Body multipart(Map<String, String> fields, String boundary, long fileBytes) {
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> field(head, boundary, name, value));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"attach:file_input\"; ")
                .append("filename=\"huge.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        return new HugeRequest.Body(head.toString().getBytes(StandardCharsets.UTF_8), fileBytes, (byte) 'a',
                ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static HugeRequest api() {
        return new HugeRequest(app.server(), host).header("Authorization", owner.authorizationHeader())
                .header("Accept", "application/json");
    }

    /** A browser's form post on the page's own host, with its session. */
    private static HugeRequest onPage(String pageHost, String boundary) {
        return new HugeRequest(app.server(), pageHost).header("Cookie", browser.cookieHeader(pageHost))
                .header("Origin", "http://" + pageHost).header("Sec-Fetch-Site", "same-origin")
                .header("Accept", "text/html").header("Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    private static void expectRefused(int status, HugeRequest.Answer answer, HugeRequest.Body body) {
        assertEquals(status, answer.status(), answer.headers() + " " + answer.body());
        assertTrue(answer.bytesSent() < 64 * MiB, "the server answered before the body was sent: "
                + answer.bytesSent() + " of " + body.length() + " bytes sent");
    }

    private static void assertTheServerLivesWithItsHeap() {
        assertTrue(server.isAlive(), server.tail());
        assertEquals(200, app.get(host, "/health/live").status(), server.tail());
        long heap = Heap.usedAfterGc(server.pid());
        // The figures, for the record (docs/architecture.md quotes them).
        System.out.printf("Heap after a full collection: %d KiB before the huge bodies, %d KiB after%n",
                heapAtStart / 1024, heap / 1024);
        assertTrue(heap < heapAtStart + HEAP_MARGIN, "heap after a full collection: " + heap / MiB + " MiB, "
                + heapAtStart / MiB + " MiB before the huge bodies");
        assertFalse(server.printed(line -> line.contains("OutOfMemoryError")), server.tail());
    }

    /** The spool folder is empty, and no upload's part lies anywhere under the server's root. */
    private static void assertNothingSpooled() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            assertEquals(List.of(), paths.filter(path -> path.getFileName().toString().startsWith("upload_")).toList(),
                    "no part of an upload stays anywhere under the server's root");
        }
        try (Stream<Path> spooled = Files.list(spoolFolder())) {
            assertEquals(List.of(), spooled.toList(), "the spool folder keeps nothing");
        }
    }

    private static Path spoolFolder() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> Files.isDirectory(path) && path.getFileName().toString().equals("uploads"))
                    .findFirst().orElseThrow(() -> new AssertionError("no spool folder under " + root));
        }
    }

    private static byte[] png(int size) {
        byte[] png = new byte[size];
        System.arraycopy(PNG_SIGNATURE, 0, png, 0, PNG_SIGNATURE.length);
        return png;
    }

    /** A small zip whose first entry, the archive's manifest, expands to {@code expanded} bytes. */
    private static byte[] zipBomb(long expanded) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("tenantry-archive.json"));
            byte[] spaces = new byte[(int) MiB];
            Arrays.fill(spaces, (byte) ' ');
            for (long written = 0; written < expanded; written += spaces.length) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
