package io.tenantry.provisioning;

import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;
import io.tenantry.tenancy.TenantLabel;

/**
 * The tenant cannot be deleted now (409): its data is in use and could not be freed, or another
 * request (on this instance or another) is deleting it already.
 */
public class TenantBusyException extends RefusedException {

    public TenantBusyException(TenantLabel label) {
        super("tenantBusy", label.value());
    }

    private TenantBusyException(String key, TenantLabel label) {
        super(key, label.value());
    }

    /** Another deletion of the tenant is under way. */
    public static TenantBusyException beingDeleted(TenantLabel label) {
        return new TenantBusyException("tenantBeingDeleted", label);
    }

    @Override
    public RefusalKind kind() {
        return RefusalKind.CONFLICT;
    }
}
