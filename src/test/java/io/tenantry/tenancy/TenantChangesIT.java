package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.tenantry.testing.PayaraOnly;
import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.SharedServer;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestServers;

/**
 * Two instances behind one database: what one changes about a tenant, the other knows within
 * seconds. The first is the run's shared server, the second the run's {@link TestServers#options()}
 * (on the same domain and database; it blocks unpaid tenants, so the tenant here is paid for).
 */
@PayaraOnly("a second instance beside the shared one: the run's Payara Micro options server (TestServers.options)")
@ResourceLock(value = TestServers.OPTIONS_LOCK, mode = ResourceAccessMode.READ)
class TenantChangesIT extends DeployedTenantry {

    @RegisterExtension
    static final SharedServer SECOND = TestServers.options();

    @Test
    void changesAndDeletionsOnOneInstanceReachTheOther() throws Exception {
        String label = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        String host = Tenantry.host(label);
        Tenantry one = app;
        Tenantry two = new Tenantry(SECOND.process().url()).awaitReady();
        assertEquals(201, one.onPublic("POST", "/api/tenants", "{\"label\":\"" + label + "\",\"name\":\"Shared\","
                + "\"paidUntil\":\"" + Instant.now().plus(30, ChronoUnit.DAYS) + "\"}").status());
        awaitStatus(() -> two.anonymous().get(host, "/api/products").status(), 401, "private, as created");

        assertEquals(200, one.onPublic("PUT", "/api/tenants/" + label, "{\"publiclyReadable\":true}").status());
        awaitStatus(() -> two.anonymous().get(host, "/api/products").status(), 200, "made publicly readable on one");

        assertEquals(204, one.onPublic("DELETE", "/api/tenants/" + label, null).status());
        awaitStatus(() -> two.anonymous().get(host, "/api/products").status(), 404, "deleted on one");
    }

    private static void awaitStatus(IntSupplier status, int expected, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int last = status.getAsInt();
        while (last != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = status.getAsInt();
        }
        assertEquals(expected, last, what);
    }
}
