package io.tenantry.tenancy;

/**
 * The request's tenant has its schema behind the code and this request may not have it upgraded
 * ({@link TenantFilter}): nothing is read or written, 503 with Retry-After; sent again once the
 * tenant is upgraded, it is served.
 */
public class TenantUpgradingException extends TenantOutOfServiceException {

    public TenantUpgradingException(TenantLabel label) {
        super("tenant.upgrading", label);
    }
}
