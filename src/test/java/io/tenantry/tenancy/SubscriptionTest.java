package io.tenantry.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aTenantIsInItsTrialUntilAnotherPaidUntilIsRecordedAndExpiredOnceItPasses() {
        Instant trialEnd = NOW.plus(Duration.ofDays(3));
        Tenant.Terms trial = new Tenant.Terms(Optional.of(1L), "", false, Optional.empty()).withTrialUntil(trialEnd);
        assertEquals(Subscription.TRIAL, tenant("acme", trial).subscriptionAt(NOW));
        assertEquals(Subscription.EXPIRED, tenant("acme", trial).subscriptionAt(trialEnd));
        assertEquals(Subscription.PAID,
                tenant("acme", trial.withPaidUntil(Optional.of(trialEnd.plus(Duration.ofDays(30))))).subscriptionAt(NOW));
        assertEquals(Subscription.EXPIRED, tenant("acme", trial.withPaidUntil(Optional.empty())).subscriptionAt(NOW));
        assertEquals(Subscription.PAID, tenant("acme", new Tenant.Terms(Optional.of(1L), "", false,
                Optional.of(trialEnd))).subscriptionAt(NOW), "a paid-until without a trial is paid");
        assertEquals(Subscription.FREE, tenant("public", trial.withPaidUntil(Optional.empty())).subscriptionAt(NOW));
        assertEquals(trialEnd, trial.withSettings("Org", true, List.of(), "nav").withOwner(2).trialEnds().orElseThrow(),
                "the trial's end stays through other changes");
    }

    private static Tenant tenant(String label, Tenant.Terms terms) {
        return new Tenant(1, new TenantLabel(label), new SchemaName(label), "Name", terms, NOW.minus(Duration.ofDays(11)),
                "5", "folder", false);
    }
}
