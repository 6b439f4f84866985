package io.tenantry.access;

import java.util.Optional;

import io.tenantry.tenancy.Tenant;

/**
 * A tenant's terms written, fired by {@link TenantTermsStore} inside the transaction that writes
 * them, so that an observer's own writes (the audit trail's) commit or roll back with them. A new
 * tenant's terms have no {@code before}; a change has the tenant and terms as the caller read them.
 */
public record TenantTermsSet(Optional<Tenant> before, Optional<TenantTerms> beforeTerms, Tenant tenant,
        TenantTerms terms) {

    static TenantTermsSet created(Tenant tenant, TenantTerms terms) {
        return new TenantTermsSet(Optional.empty(), Optional.empty(), tenant, terms);
    }

    static TenantTermsSet changed(Tenant before, TenantTerms beforeTerms, Tenant tenant, TenantTerms terms) {
        return new TenantTermsSet(Optional.of(before), Optional.of(beforeTerms), tenant, terms);
    }

    /** Whether these are a new tenant's first terms. */
    public boolean isCreation() {
        return before.isEmpty();
    }
}
