package io.tenantry.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.tenantry.migration.RecordedUpgrades.attempts;
import static io.tenantry.migration.RecordedUpgrades.dueNow;
import static io.tenantry.migration.RecordedUpgrades.hideHistory;
import static io.tenantry.migration.RecordedUpgrades.markBehind;
import static io.tenantry.migration.RecordedUpgrades.versionOf;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.tenantry.testing.PayaraOnly;
import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.PayaraProcess;
import io.tenantry.testing.SharedServer;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestDatabase;
import io.tenantry.testing.TestServers;

/**
 * Start-up with tenants whose schema is behind the code, on two instances starting together: the
 * tenant that can be migrated is, and is served; the one that cannot is reported, by name and
 * reason, in its 503, readiness and logs, and keeps answering 503 until its cause is gone and it is
 * retried: by a super-user at once (and every instance then serves it), or by the back-off. The
 * tenants are made on the run's shared server; the two instances that find them behind at start-up
 * start here; the back-off is seen on the run's {@link TestServers#options()}, whose first retry
 * comes after 1 s.
 */
@PayaraOnly("two Payara Micro instances starting together (PayaraProcess) and the run's options server")
@Order(1) // among the longest: started first, so that it does not end the run alone (junit-platform.properties)
@ResourceLock(value = TestServers.OPTIONS_LOCK, mode = ResourceAccessMode.READ)
class TenantUpgradeIT extends DeployedTenantry {

    @RegisterExtension
    static final SharedServer OPTIONS = TestServers.options();

    @Test
    void aFailingTenantIsReportedWithItsReasonAndServedEverywhereOnceASuperUserRetriesIt() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String behind = "behind-" + suffix;
        String broken = "broken-" + suffix;
        assertEquals(201, app.createTenant(behind, "Behind").status());
        assertEquals(201, app.createTenant(broken, "Broken").status());
        assertEquals(201, app.post(Tenantry.host(behind), "/api/products", "{\"name\":\"Kept\"}").status());
        markBehind(behind);
        markBehind(broken);
        hideHistory(broken, true);

        // No retry by the back-off within the test: only the super-user's.
        try (PayaraProcess one = PayaraProcess.start(true, "-Dupgrade.retry.seconds=3600");
             PayaraProcess two = PayaraProcess.start(true, "-Dupgrade.retry.seconds=3600")) {
            awaitDatabaseReady(one);
            awaitDatabaseReady(two);
            Tenantry[] apps = {new Tenantry(one.url()).awaitReady(), new Tenantry(two.url()).awaitReady()};
            for (Tenantry instance : apps) {
                assertEquals("Kept", awaitServed(instance, behind).json().asJsonObject().getJsonArray("items").getJsonObject(0)
                        .getString("name"));
                String readiness = awaitUpgradeFinished(instance);
                assertTrue(failedLabels(readiness).contains(broken), "readiness names the tenant: " + readiness);
                // Readiness reads the database; the instance remembers a tenant's state until the failure's
                // announcement reaches it, a moment later on a loaded machine (seen in .ci/run: "waiting").
                Tenantry.Reply refused = instance.get(Tenantry.host(broken), "/api/products");
                for (long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                        !refused.body().contains("could not be upgraded") && System.nanoTime() < until; ) {
                    Thread.sleep(200);
                    refused = instance.get(Tenantry.host(broken), "/api/products");
                }
                assertEquals(503, refused.status(), refused.body());
                assertTrue(refused.body().contains("could not be upgraded") && refused.body().contains("schema history"),
                        "the 503 says it failed, and why: " + refused.body());
            }
            assertTrue(one.printed(l -> l.contains("Could not migrate tenant " + broken))
                    || two.printed(l -> l.contains("Could not migrate tenant " + broken)), one.tail());
            // On the server's executor for upgrades (payara-config/), not on its default one.
            assertTrue(one.printed(TenantUpgradeIT::upgradeWorkersLine) || two.printed(TenantUpgradeIT::upgradeWorkersLine),
                    one.tail());
            // The options server (UPGRADE_RETRY_SECONDS=1) tries the tenant again now and then: "running" meanwhile.
            Tenantry.Reply state = apps[0].onPublic("GET", "/api/tenants/" + broken, null);
            for (long until = System.nanoTime() + Duration.ofSeconds(60).toNanos(); System.nanoTime() < until
                    && !"failed".equals(state.json().asJsonObject().getJsonObject("upgrade").getString("state")); ) {
                Thread.sleep(200);
                state = apps[0].onPublic("GET", "/api/tenants/" + broken, null);
            }
            assertEquals("failed", state.json().asJsonObject().getJsonObject("upgrade").getString("state"), state.body());

            hideHistory(broken, false);
            assertEquals(403, apps[0].newAccount("nosy-" + suffix).post(Tenantry.host("public"),
                    "/api/tenants/" + broken + "/upgrade", "{}").status(), "a super-user's decision");
            Tenantry.Reply retried = apps[0].onPublic("POST", "/api/tenants/" + broken + "/upgrade", null);
            assertEquals(202, retried.status(), retried.body());
            for (Tenantry instance : apps) {
                awaitServed(instance, broken);
                String after = awaitUpgradeFinished(instance);
                assertFalse(failedLabels(after).contains(broken), after);
            }
            assertEquals("current", apps[1].onPublic("GET", "/api/tenants/" + broken, null).json().asJsonObject()
                    .getJsonObject("upgrade").getString("state"));
        }
        assertEquals(versionOf("public"), versionOf(behind), "upgraded to the version of current tenants");
        assertEquals(versionOf("public"), versionOf(broken));
    }

    @Test
    void aFailedUpgradeIsRetriedWithBackOffOnceItsCauseIsGone() throws Exception {
        String flaky = "flaky-" + UUID.randomUUID().toString().substring(0, 8);
        // Paid for: the options server blocks unpaid tenants.
        assertEquals(201, app.onPublic("POST", "/api/tenants", "{\"label\":\"" + flaky + "\",\"name\":\"Flaky\","
                + "\"paidUntil\":\"" + Instant.now().plus(30, ChronoUnit.DAYS) + "\"}").status());
        markBehind(flaky);
        hideHistory(flaky, true);
        // Every instance re-reads the tenant, now behind, as when a newer instance recorded it so.
        announce(flaky);
        Tenantry retrying = new Tenantry(OPTIONS.process().url()).awaitReady();
        awaitStatus(retrying, flaky, 503);
        // The first attempt, made now on the instance whose back-off is 1 s; it fails.
        Tenantry.Reply first = retrying.onPublic("POST", "/api/tenants/" + flaky + "/upgrade", null);
        assertEquals(202, first.status(), first.body());
        // Any instance may make the second attempt (each sweeps for due retries; the run's shared
        // server is one of them), so the count is read where they all write it.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (attempts(flaky) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertTrue(attempts(flaky) >= 2, "retried by the back-off, without a restart or a super-user: "
                + OPTIONS.process().tail());
        assertEquals(503, retrying.get(Tenantry.host(flaky), "/api/products").status());
        hideHistory(flaky, false);
        // The instance that recorded the last failure set the next attempt by its own back-off:
        // the run's shared server waits 30 s and more. The wait is not what this test is about
        // (it was seen above, a retry without a restart), so the next attempt is made due now.
        dueNow(flaky);
        awaitServed(retrying, flaky);
        assertEquals(versionOf("public"), versionOf(flaky));
    }

    /** A line logged from a thread of the executor payara-config/ defines for upgrades (only they run there). */
    private static boolean upgradeWorkersLine(String line) {
        return line.contains("_ThreadName=concurrent/tenantry-upgrades-");
    }

    private static void awaitDatabaseReady(PayaraProcess instance) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (!instance.printed(l -> l.contains("Database ready in")) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    /** Tells every instance to re-read the tenant, as a change made through Tenantry does. */
    private static void announce(String label) throws Exception {
        try (Connection db = TestDatabase.connect();
             PreparedStatement notify = db.prepareStatement("SELECT pg_notify('tenantry_tenants', ?)")) {
            notify.setString(1, label);
            notify.execute();
        }
    }

    private static void awaitStatus(Tenantry app, String label, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Tenantry.Reply reply = app.get(Tenantry.host(label), "/api/products");
        while (reply.status() != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            reply = app.get(Tenantry.host(label), "/api/products");
        }
        assertEquals(expected, reply.status(), reply.body());
    }

    private static Tenantry.Reply awaitServed(Tenantry app, String label) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Tenantry.Reply reply = app.get(Tenantry.host(label), "/api/products");
        while (reply.status() != 200 && System.nanoTime() < deadline) {
            assertEquals(503, reply.status(), "before its upgrade a tenant answers 503: " + reply);
            Thread.sleep(250);
            reply = app.get(Tenantry.host(label), "/api/products");
        }
        assertEquals(200, reply.status(), reply.body());
        return reply;
    }

    private static String awaitUpgradeFinished(Tenantry app) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String readiness = app.get("localhost", "/health/ready").body();
        while (!readiness.contains("\"tenantsUpgrading\":\"0\"") && System.nanoTime() < deadline) {
            Thread.sleep(250);
            readiness = app.get("localhost", "/health/ready").body();
        }
        return readiness;
    }

    /** The labels a readiness answer names as failed ({@code tenantsFailedLabels}), those of other tests' tenants too. */
    private static List<String> failedLabels(String readiness) {
        Matcher labels = Pattern.compile("\"tenantsFailedLabels\":\"([^\"]*)\"").matcher(readiness);
        return labels.find() ? List.of(labels.group(1).split(",\\s*")) : List.of();
    }
}
