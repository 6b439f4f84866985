package io.tenantry.tenancy;

import jakarta.enterprise.context.RequestScoped;

/** The tenant the current request is served for, set once by {@link TenantFilter}. */
@RequestScoped
public class TenantContext {

    private Tenant tenant;
    private boolean schemaWithheld;

    void enter(Tenant tenant) {
        if (this.tenant != null && !this.tenant.equals(tenant)) {
            throw new IllegalStateException("The request is already served for tenant " + this.tenant.label());
        }
        this.tenant = tenant;
    }

    /**
     * Follows the tenant to a newer state of itself: after a restore this request ran (its files in another
     * folder), or after the upgrade it waited for (its schema version).
     */
    void follow(Tenant restored) {
        if (tenant == null || tenant.id() != restored.id()) {
            throw new IllegalStateException("The request is not served for tenant " + restored.label());
        }
        this.tenant = restored;
    }

    /**
     * Enters a tenant whose schema this request must not reach (behind the code, for a caller who may
     * only be refused as the tenant at rest refuses him): {@link TenantDataInterceptor} binds no
     * transaction to it.
     */
    void enterWithheld(Tenant tenant) {
        enter(tenant);
        schemaWithheld = true;
    }

    /** Whether the tenant was entered only for its caller to be refused, its schema out of this request's reach. */
    public boolean schemaWithheld() {
        return schemaWithheld;
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
