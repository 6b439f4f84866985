package io.tenantry.tenancy;

/**
 * The request's tenant is being restored, or was restored since the request began (what it read is
 * no longer the tenant's): nothing is written, 503 with Retry-After; sent again, it meets the
 * restored tenant.
 */
public class TenantRestoringException extends TenantOutOfServiceException {

    public TenantRestoringException(TenantLabel label) {
        super("tenant.restoring", label);
    }
}
