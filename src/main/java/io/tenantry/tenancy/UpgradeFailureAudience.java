package io.tenantry.tenancy;

/**
 * Who may read why a tenant's upgrade failed: the reason can quote a row of the tenant (a unique
 * violation's key), so only those who administer the tenant and the platform's operators are told.
 * Decided by the floor that knows callers and their rights ({@code access.UpgradeFailureReaders});
 * asked by {@link TenantFilter} with the tenant entered in {@link TenantContext}.
 */
public interface UpgradeFailureAudience {

    /** Whether the caller of the current request may read why the current tenant's upgrade failed. */
    boolean mayLearnWhy(Tenant tenant);
}
