package io.tenantry.provisioning;

import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;
import io.tenantry.tenancy.TenantLabel;

/** The label is taken, by an existing tenant or by one being created at the same moment. */
public class TenantConflictException extends RefusedException {

    public TenantConflictException(TenantLabel label) {
        super("tenantConflict", label.value());
    }

    private TenantConflictException(String key, TenantLabel label) {
        super(key, label.value());
    }

    /** The tenant's name or terms changed since this request read them: nothing was written (409). */
    public static TenantConflictException changedMeanwhile(TenantLabel label) {
        return new TenantConflictException("tenantChangedMeanwhile", label);
    }

    @Override
    public RefusalKind kind() {
        return RefusalKind.CONFLICT;
    }
}
