package io.tenantry.files;

import io.tenantry.platform.RefusedException;
import io.tenantry.tenancy.TenantLabel;

/** A file was to be written for a tenant that has been deleted meanwhile (or is being deleted): 404. */
public class TenantGoneException extends RefusedException {

    public TenantGoneException(TenantLabel label) {
        super("tenantGone", label.value());
    }
}
