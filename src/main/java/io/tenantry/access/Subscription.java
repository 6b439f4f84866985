package io.tenantry.access;

import java.time.Instant;
import java.util.Locale;

import io.tenantry.tenancy.Tenant;

/**
 * Where a tenant's subscription stands, as {@link #of} decides it. The public tenant is free (never
 * blocked); the others are in their trial, paid, or expired (which blocks them under
 * TENANTS_BLOCK_UNPAID). {@link TenantTermsSql#subscription} is the same rule in SQL.
 */
public enum Subscription {
    TRIAL, PAID, EXPIRED, FREE;

    /**
     * Where {@code tenant}'s subscription stands at {@code now} under its {@code terms}: the public
     * tenant is {@link #FREE}; no paid-until, or one not after now, is {@link #EXPIRED} (unpaid); a
     * paid-until still at the end of the trial given at creation is {@link #TRIAL}; any other is
     * {@link #PAID}.
     */
    public static Subscription of(Tenant tenant, TenantTerms terms, Instant now) {
        if (tenant.isPublic()) {
            return FREE;
        }
        if (terms.paidUntil().map(until -> !until.isAfter(now)).orElse(true)) {
            return EXPIRED;
        }
        return terms.paidUntil().equals(terms.trialEnds()) ? TRIAL : PAID;
    }

    /** The name the API and the pages' filters use: {@code trial}, {@code paid}, {@code expired}, {@code free}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
