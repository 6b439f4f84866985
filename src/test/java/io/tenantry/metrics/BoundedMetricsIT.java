package io.tenantry.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.tenantry.testing.PayaraOnly;
import io.tenantry.testing.Scrape;
import io.tenantry.testing.SharedServer;
import io.tenantry.testing.Tenantry;
import io.tenantry.testing.TestServers;

/**
 * METRICS_TENANTS bounds the tenant tag: on the run's options server, which names only
 * {@link TestServers#METRICS_TENANTS_OF_OPTIONS} tenants, more tenants than that are counted
 * together as {@code other}, however many there are.
 */
@PayaraOnly("METRICS_TENANTS=2, a setting of the run's Payara Micro options server (TestServers.options)")
@ResourceLock(value = TestServers.OPTIONS_LOCK, mode = ResourceAccessMode.READ)
class BoundedMetricsIT {

    private static final String REQUESTS = "tenantry_requests_seconds_count";

    @RegisterExtension
    static final SharedServer OPTIONS = TestServers.options();

    @Test
    void tenantsBeyondTheBoundAreCountedTogether() throws InterruptedException {
        Tenantry server = new Tenantry(OPTIONS.process().url()).awaitReady();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i <= TestServers.METRICS_TENANTS_OF_OPTIONS; i++) {
            String label = "metered-bound-" + i + "-" + suffix;
            assertEquals(201, server.createTenant(label, "Bounded").status());
            labels.add(label);
        }
        Scrape before = Scrape.of(server);
        for (String label : labels) {
            for (int i = 0; i < 2; i++) {
                assertEquals(200, server.get(Tenantry.host(label), "/api/products").status(), label);
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Scrape after = Scrape.of(server);
        while (after.value(REQUESTS, "tenant", "other") - before.value(REQUESTS, "tenant", "other") < 2
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            after = Scrape.of(server);
        }
        Set<String> named = new TreeSet<>(after.values(REQUESTS, "tenant"));
        named.removeAll(Set.of("other", "none"));
        assertTrue(named.size() <= TestServers.METRICS_TENANTS_OF_OPTIONS, "at most the bound named: " + named);
        assertTrue(after.value(REQUESTS, "tenant", "other") - before.value(REQUESTS, "tenant", "other") >= 2,
                "the tenants beyond the bound are counted as other");
        assertTrue(labels.stream().anyMatch(label -> !named.contains(label)), "not every tenant is named: " + named);
    }
}
