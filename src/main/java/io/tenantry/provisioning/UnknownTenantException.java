package io.tenantry.provisioning;

import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;
import io.tenantry.tenancy.TenantLabel;

/** No tenant has this label. */
public class UnknownTenantException extends RefusedException {

    public UnknownTenantException(String label) {
        super("unknownTenant", label);
    }

    public UnknownTenantException(TenantLabel label) {
        this(label.value());
    }

    @Override
    public RefusalKind kind() {
        return RefusalKind.NOT_FOUND;
    }
}
