package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The tenant tag of the metrics stays bounded, and goes to the busiest tenants. */
class TenantTagsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Instant now = Instant.parse("2026-12-01T00:00:00Z");
    private final TenantTags tags = new TenantTags();

    @BeforeEach
    void boundOfTwo() {
        tags.configure(2, registry, new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        });
    }

    @Test
    void tenantsBeyondTheBoundAreCountedAsOther() {
        assertEquals("alpha", tags.of(tenant("alpha")));
        assertEquals("beta", tags.of(tenant("beta")));
        assertEquals(TenantTags.OTHER, tags.of(tenant("gamma")));
        assertEquals("alpha", tags.of(tenant("alpha")), "a named tenant keeps its place");
        assertEquals(Set.of("alpha", "beta"), tags.named());
    }

    @Test
    void theBusiestTakeThePlacesEachPeriodAndTheQuietLoseTheirSeries() {
        tags.of(tenant("alpha"));
        tags.of(tenant("beta"));
        registry.counter("tenantry.requests", TenantTags.TAG, "alpha").increment();
        for (int i = 0; i < 5; i++) {
            tags.of(tenant("gamma"));
            tags.of(tenant("beta"));
        }
        now = now.plus(TenantTags.PERIOD);
        assertEquals("gamma", tags.of(tenant("gamma")));
        assertEquals(Set.of("beta", "gamma"), tags.named());
        assertEquals(TenantTags.OTHER, tags.of(tenant("alpha")));
        assertNull(registry.find("tenantry.requests").tag(TenantTags.TAG, "alpha").counter(),
                "the series of a tenant that lost its place are gone");
    }

    @Test
    void aQuietTenantKeepsItsPlaceWhileThereIsRoom() {
        tags.of(tenant("alpha"));
        now = now.plus(TenantTags.PERIOD);
        assertEquals("beta", tags.of(tenant("beta")));
        assertEquals(Set.of("alpha", "beta"), tags.named());
    }

    @Test
    void aDeletedTenantLeavesItsPlaceAndItsSeries() {
        tags.of(tenant("alpha"));
        registry.counter("tenantry.requests", TenantTags.TAG, "alpha").increment();
        tags.forget(new TenantDeleted(tenant("alpha")));
        assertTrue(tags.named().isEmpty());
        assertNull(registry.find("tenantry.requests").tag(TenantTags.TAG, "alpha").counter());
    }

    private static Tenant tenant(String label) {
        return new Tenant(1, new TenantLabel(label), new SchemaName(label), "Name", Instant.EPOCH, "1", "folder", false, null);
    }
}
