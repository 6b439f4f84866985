package io.tenantry.tenancy;

import jakarta.enterprise.context.RequestScoped;

/** The tenant the current request is served for, set once by {@link TenantFilter}. */
@RequestScoped
public class TenantContext {

    private Tenant tenant;

    void enter(Tenant tenant) {
        if (this.tenant != null && !this.tenant.equals(tenant)) {
            throw new IllegalStateException("The request is already served for tenant " + this.tenant.label());
        }
        this.tenant = tenant;
    }

    public boolean isEntered() {
        return tenant != null;
    }

    public Tenant tenant() {
        if (tenant == null) {
            throw new IllegalStateException("No tenant for this request: it did not pass through TenantFilter");
        }
        return tenant;
    }
}
