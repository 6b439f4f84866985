package io.tenantry.tenancy;

import java.time.Duration;
import java.util.Optional;

import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;

/**
 * The request's tenant has its schema behind the code and this request may not have it upgraded
 * ({@link TenantFilter}): nothing is read or written, 503 with Retry-After; sent again once the
 * tenant is upgraded, it is served.
 */
public class TenantUpgradingException extends RefusedException {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public TenantUpgradingException(TenantLabel label) {
        super("tenant.upgrading", label.value());
    }

    @Override
    public RefusalKind kind() {
        return RefusalKind.UNAVAILABLE;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(RETRY_AFTER);
    }
}
