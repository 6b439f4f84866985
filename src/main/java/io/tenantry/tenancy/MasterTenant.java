package io.tenantry.tenancy;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Which tenant administers the platform: MASTER_TENANT, by label; the public tenant unless configured. */
@ApplicationScoped
public class MasterTenant {

    @Inject
    @ConfigProperty(name = "master.tenant", defaultValue = "public")
    String label;

    @Inject
    TenantContext context;

    public boolean is(Tenant tenant) {
        return tenant.label().equals(new TenantLabel(label));
    }

    /** Refuses as if the thing did not exist when the current request is not served by the master tenant. */
    public void requireCurrent() {
        if (!is(context.tenant())) {
            throw new NotOnMasterTenantException();
        }
    }
}
