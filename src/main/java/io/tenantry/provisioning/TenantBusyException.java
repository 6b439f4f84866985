package io.tenantry.provisioning;

import io.tenantry.platform.RefusedException;
import io.tenantry.tenancy.TenantLabel;

/** The tenant's data is in use and could not be freed for its deletion: try again (409). */
public class TenantBusyException extends RefusedException {

    public TenantBusyException(TenantLabel label) {
        super("tenantBusy", label.value());
    }
}
