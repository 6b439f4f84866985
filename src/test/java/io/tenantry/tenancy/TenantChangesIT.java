package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;

import io.tenantry.testing.DeployedTenantry;
import io.tenantry.testing.PayaraProcess;
import io.tenantry.testing.Tenantry;

/**
 * Two instances behind one database: what one changes about a tenant, the other knows within
 * seconds. The first is the run's shared server, the second a process of its own.
 */
class TenantChangesIT extends DeployedTenantry {

    @Test
    void changesAndDeletionsOnOneInstanceReachTheOther() throws Exception {
        String label = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        String host = Tenantry.host(label);
        try (PayaraProcess second = PayaraProcess.start(true)) {
            Tenantry one = app;
            Tenantry two = new Tenantry(second.url()).awaitReady();
            assertEquals(201, one.createTenant(label, "Shared").status());
            awaitStatus(() -> two.anonymous().get(host, "/api/products").status(), 401, "private, as created");

            assertEquals(200, one.onPublic("PUT", "/api/tenants/" + label, "{\"publiclyReadable\":true}").status());
            awaitStatus(() -> two.anonymous().get(host, "/api/products").status(), 200, "made publicly readable on one");

            assertEquals(204, one.onPublic("DELETE", "/api/tenants/" + label, null).status());
            awaitStatus(() -> two.anonymous().get(host, "/api/products").status(), 404, "deleted on one");
        }
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
