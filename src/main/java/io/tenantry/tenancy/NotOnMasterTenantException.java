package io.tenantry.tenancy;

import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;

/** A platform-wide model asked for from a tenant that is not the master: it does not exist there. */
public class NotOnMasterTenantException extends RefusedException {

    public NotOnMasterTenantException() {
        super("notOnMaster");
    }

    @Override
    public RefusalKind kind() {
        return RefusalKind.NOT_FOUND;
    }
}
