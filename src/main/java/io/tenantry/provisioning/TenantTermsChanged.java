package io.tenantry.provisioning;

import io.tenantry.tenancy.Tenant;

/**
 * A tenant's name or terms (its owner among them) were changed: fired synchronously inside the
 * transaction that writes them, so observers bring their own tables in line (a new owner's
 * membership) in that transaction, or roll the change back by failing.
 *
 * @param before the tenant as the changer read it (the audit trail shows what changed)
 * @param tenant the tenant as it is now
 */
public record TenantTermsChanged(Tenant before, Tenant tenant) {
}
