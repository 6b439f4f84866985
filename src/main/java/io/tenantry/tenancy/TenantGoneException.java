package io.tenantry.tenancy;

import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;

/**
 * The request's tenant has been deleted since the request began, or is being deleted (another
 * tenant may have its label by now): nothing is read or written for it, 404.
 */
public class TenantGoneException extends RefusedException {

    public TenantGoneException(TenantLabel label) {
        super("tenantGone", label.value());
    }

    @Override
    public RefusalKind kind() {
        return RefusalKind.NOT_FOUND;
    }
}
