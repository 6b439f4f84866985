package io.tenantry.tenancy;

import java.util.Locale;

/**
 * Where a tenant's subscription stands, as {@link Tenant#subscriptionAt} decides it. The public
 * tenant is free (never blocked); the others are in their trial, paid, or expired (which blocks them
 * under TENANTS_BLOCK_UNPAID).
 */
public enum Subscription {
    TRIAL, PAID, EXPIRED, FREE;

    /** The name the API and the pages' filters use: {@code trial}, {@code paid}, {@code expired}, {@code free}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
