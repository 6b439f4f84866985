package io.tenantry.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.Scrape;
import io.tenantry.testing.Tenantry;

/**
 * {@code /metrics}: each metric moves when its event happens, on the run's shared server (read
 * with its METRICS_TOKEN); only operators read it, on the master host only, so no tenant owner
 * learns another tenant's label (or anything) there; a host that names no tenant adds no series.
 * How upgrades are counted, summed over the run's instances: {@link UpgradeMetricsIT}.
 */
@Isolated("counts what every class's requests and tenants add to the servers' metrics")
class MetricsIT extends DeployedTenantry {

    private static final String REQUESTS = "tenantry_requests_seconds_count";
    private static final String TENANTS = "tenantry_tenants";

    private String suffix;
    private String publicHost;

    @BeforeEach
    void names() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        publicHost = app.hostOf("public");
    }

    @Test
    void requestsAreCountedAndTimedByTenantAndOutcome() throws InterruptedException {
        String label = "metered-" + suffix;
        Tenantry owner = ownerOf(label);
        owner.get(Tenantry.host(label), "/api/products");
        Scrape before = Scrape.of(app);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, owner.get(Tenantry.host(label), "/api/products").status());
        }
        assertEquals(401, app.anonymous().get(Tenantry.host(label), "/api/products").status());
        // Recorded once the filters are done, which may be a moment after the client has the answer.
        Scrape after = Scrape.await(app, scrape -> scrape.value(REQUESTS, "tenant", label)
                >= before.value(REQUESTS, "tenant", label) + 4, "the four requests counted");
        assertEquals(3, after.value(REQUESTS, "tenant", label, "outcome", "2xx")
                - before.value(REQUESTS, "tenant", label, "outcome", "2xx"));
        assertEquals(1, after.value(REQUESTS, "tenant", label, "outcome", "4xx")
                - before.value(REQUESTS, "tenant", label, "outcome", "4xx"));
        assertTrue(after.value("tenantry_requests_seconds_sum", "tenant", label)
                > before.value("tenantry_requests_seconds_sum", "tenant", label), "their time is added up");
        assertTrue(after.has("tenantry_requests_seconds_bucket", "tenant", label, "le", "0.25"), "in latency buckets");
    }

    @Test
    void creationsAreCountedAndTimedAndNewTenantsAreInTrial() {
        Scrape before = Scrape.of(app);
        ownerOf("metered-new-" + suffix);
        Scrape after = Scrape.of(app);
        assertEquals(1, after.value("tenantry_tenant_creations_seconds_count", "outcome", "created")
                - before.value("tenantry_tenant_creations_seconds_count", "outcome", "created"));
        assertTrue(after.value("tenantry_tenant_creations_seconds_sum") > before.value("tenantry_tenant_creations_seconds_sum"));
        assertEquals(1, after.value(TENANTS, "state", "trial") - before.value(TENANTS, "state", "trial"));
    }

    @Test
    void anUnpaidTenantCountsAsExpiredAndAPaidOneAsActive() {
        String label = "unpaid-" + suffix;
        ownerOf(label);
        Scrape before = Scrape.of(app);
        assertEquals(200, app.onPublic("PUT", "/api/tenants/" + label, "{\"paidUntil\":null}").status());
        Scrape unpaid = Scrape.of(app);
        assertEquals(1, unpaid.value(TENANTS, "state", "expired") - before.value(TENANTS, "state", "expired"));
        assertEquals(-1, unpaid.value(TENANTS, "state", "trial") - before.value(TENANTS, "state", "trial"));
        assertEquals(200, app.onPublic("PUT", "/api/tenants/" + label, "{\"paidUntil\":\""
                + Instant.now().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS) + "\"}").status());
        Scrape paid = Scrape.of(app);
        assertEquals(1, paid.value(TENANTS, "state", "active") - unpaid.value(TENANTS, "state", "active"));
        assertEquals(-1, paid.value(TENANTS, "state", "expired") - unpaid.value(TENANTS, "state", "expired"));
    }

    /**
     * Five wrong passwords for a name no account has, then a sixth attempt the throttle refuses:
     * sent from an address of their own (127.0.0.x), so the throttle never holds the tests' one
     * address against later tests.
     */
    @Test
    void signInFailuresAndThrottlingAreCounted() throws Exception {
        String address = "127.0." + (1 + (int) (Math.random() * 250)) + "." + (2 + (int) (Math.random() * 250));
        String wrong = "Basic " + Base64.getEncoder().encodeToString(("ghost-" + suffix + ":not-the-password")
                .getBytes(StandardCharsets.UTF_8));
        Scrape before = Scrape.of(app);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, statusFrom(address, wrong));
        }
        assertEquals(429, statusFrom(address, wrong));
        Scrape after = Scrape.of(app);
        assertEquals(5, after.value("tenantry_signin_failures_total") - before.value("tenantry_signin_failures_total"));
        assertEquals(1, after.value("tenantry_signin_throttled_total") - before.value("tenantry_signin_throttled_total"));
    }

    /** Described and there (at 0) from the instance's start, so that an alert on them never reads nothing (newcomer review). */
    @Test
    void theSignInCountersAreDescribed() {
        String text = Scrape.textOf(app);
        assertTrue(text.contains("# HELP tenantry_signin_failures_total Sign-ins refused for a wrong name or password"), text);
        assertTrue(text.contains("# HELP tenantry_signin_throttled_total Sign-ins refused unchecked"), text);
    }

    @Test
    void databaseConnectionsAreCountedByState() {
        Scrape scrape = Scrape.of(app);
        assertTrue(scrape.value("tenantry_db_connections", "state", "active") >= 1, "the scrape's own at least");
        assertTrue(scrape.has("tenantry_db_connections", "state", "idle"));
    }

    @Test
    void hostsThatNameNoTenantAddNoSeries() throws InterruptedException {
        String ghost = "nosuch-" + suffix;
        app.anonymous().get(Tenantry.host("warmup-" + suffix), "/api/products");
        Scrape before = Scrape.of(app);
        for (String host : new String[] {Tenantry.host(ghost), ghost + ".elsewhere.example", "10.1.2.3",
                "deeper." + Tenantry.host(ghost)}) {
            assertEquals(404, app.anonymous().get(host, "/api/products").status(), host);
        }
        Scrape after = Scrape.await(app, scrape -> scrape.value(REQUESTS, "tenant", "none", "outcome", "4xx")
                >= before.value(REQUESTS, "tenant", "none", "outcome", "4xx") + 4, "the four requests counted");
        Set<String> added = new HashSet<>(after.values(REQUESTS, "tenant"));
        added.removeAll(before.values(REQUESTS, "tenant"));
        assertEquals(Set.of(), added, "no tenant tag for a host that names none");
        assertEquals(4, after.value(REQUESTS, "tenant", "none", "outcome", "4xx")
                - before.value(REQUESTS, "tenant", "none", "outcome", "4xx"), "counted, as no tenant's");
    }

    @Test
    void onlyOperatorsReadMetricsAndOnlyOnTheMasterHost() {
        String label = "reader-" + suffix;
        String other = "metered-hidden-" + suffix;
        Tenantry owner = ownerOf(label);
        ownerOf(other);
        owner.get(Tenantry.host(label), "/api/products");
        app.get(Tenantry.host(other), "/api/products");
        Tenantry ownersPassword = app.anonymous().basic("owner-" + label, Tenantry.PASSWORD_OF_NEW_ACCOUNTS);
        Map<String, Integer> refused = Map.of(
                "anonymous on the public host", app.anonymous().get(publicHost, "/metrics").status(),
                "a wrong token on the public host", app.anonymous().bearer("not-" + Tenantry.METRICS_TOKEN)
                        .get(publicHost, "/metrics").status(),
                "a tenant owner's token on the public host", owner.get(publicHost, "/metrics").status(),
                "a tenant owner's password on the public host", ownersPassword.get(publicHost, "/metrics").status());
        assertEquals(Map.of("anonymous on the public host", 401, "a wrong token on the public host", 401,
                "a tenant owner's token on the public host", 403, "a tenant owner's password on the public host", 403),
                refused);
        for (Tenantry caller : new Tenantry[] {app.anonymous(), owner, app, app.anonymous().bearer(Tenantry.METRICS_TOKEN)}) {
            Map<String, String> strangersOf = Map.of(Tenantry.host(label), other, Tenantry.host(other), label,
                    "10.1.2.3", label, "localhost", other);
            strangersOf.forEach((host, stranger) -> {
                for (String path : new String[] {"/metrics", "/metrics/base"}) { // base: Payara's own, when it answered
                    Tenantry.Reply reply = caller.get(host, path);
                    assertEquals(404, reply.status(), caller.authorizationHeader() + " " + host + path);
                    assertNoMetrics(reply, stranger); // a host's page may name its own tenant, never another
                }
            });
        }
        for (Tenantry caller : new Tenantry[] {app.anonymous(), owner, ownersPassword}) {
            Tenantry.Reply reply = caller.get(publicHost, "/metrics");
            assertNoMetrics(reply, label, other);
        }
        for (Tenantry operator : new Tenantry[] {app, app.anonymous().bearer(Tenantry.METRICS_TOKEN)}) {
            Tenantry.Reply reply = operator.get(publicHost, "/metrics");
            assertEquals(200, reply.status());
            assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
            assertTrue(reply.body().contains("tenant=\"" + other + "\""), "operators see every tenant");
            assertEquals(404, operator.get(publicHost, "/metrics/base").status(), "Payara's own metrics are gone");
        }
    }

    private static void assertNoMetrics(Tenantry.Reply reply, String... labels) {
        assertFalse(reply.body().contains("tenantry_") || reply.body().contains("base_")
                || reply.body().contains("# TYPE"), "no metric: " + reply.body());
        for (String label : labels) {
            assertFalse(reply.body().contains(label), "no tenant's label: " + reply.body());
        }
    }

    /** A new account owning a new tenant {@code label} (made by the super-user), calling with its API token. */
    private Tenantry ownerOf(String label) {
        Tenantry owner = app.newAccount("owner-" + label);
        Tenantry.Reply created = app.createTenant(label, "Metered", "owner-" + label);
        assertEquals(201, created.status(), created.toString());
        return owner;
    }


    /** The status of {@code GET /api/me} on the public host, sent from {@code address} on the loopback network. */
    private int statusFrom(String address, String authorization) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port()), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/me HTTP/1.1\r\nHost: " + publicHost + "\r\nAccept: application/json\r\nAuthorization: "
                    + authorization + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
