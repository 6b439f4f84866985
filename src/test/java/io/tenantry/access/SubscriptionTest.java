package io.tenantry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tenantry.tenancy.SchemaName;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantLabel;

class SubscriptionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aTenantIsInItsTrialUntilAnotherPaidUntilIsRecordedAndExpiredOnceItPasses() {
        Instant trialEnd = NOW.plus(Duration.ofDays(3));
        TenantTerms trial = new TenantTerms(Optional.of(1L), "", false, Optional.empty(), 1L).withTrialUntil(trialEnd);
        Tenant acme = tenant("acme");
        assertEquals(Subscription.TRIAL, Subscription.of(acme, trial, NOW));
        assertEquals(Subscription.EXPIRED, Subscription.of(acme, trial, trialEnd));
        assertEquals(Subscription.PAID,
                Subscription.of(acme, trial.withPaidUntil(Optional.of(trialEnd.plus(Duration.ofDays(30)))), NOW));
        assertEquals(Subscription.EXPIRED, Subscription.of(acme, trial.withPaidUntil(Optional.empty()), NOW));
        assertEquals(Subscription.PAID, Subscription.of(acme,
                new TenantTerms(Optional.of(1L), "", false, Optional.of(trialEnd), 1L), NOW), "a paid-until without a trial is paid");
        assertEquals(Subscription.FREE, Subscription.of(tenant("public"), trial.withPaidUntil(Optional.empty()), NOW));
        assertEquals(trialEnd, trial.withSettings("Org", true, List.of(), "nav").withOwner(2).trialEnds().orElseThrow(),
                "the trial's end stays through other changes");
    }

    @Test
    void onlyTheOwnerNamedInTheTermsOwnsTheTenant() {
        TenantTerms owned = new TenantTerms(Optional.of(7L), "", false, Optional.empty(), 1L);
        assertTrue(owned.isOwnedBy(7));
        assertFalse(owned.isOwnedBy(8));
        assertFalse(new TenantTerms(Optional.empty(), "", false, Optional.empty(), 1L).isOwnedBy(7),
                "a tenant made before owners existed is owned by nobody");
    }

    private static Tenant tenant(String label) {
        return new Tenant(1, new TenantLabel(label), new SchemaName(label), "Name", NOW.minus(Duration.ofDays(11)),
                "5", "folder", false, null);
    }
}
