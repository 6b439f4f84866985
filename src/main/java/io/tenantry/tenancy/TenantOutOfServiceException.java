package io.tenantry.tenancy;

import java.time.Duration;
import java.util.Optional;

import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;

/**
 * The request's tenant is out of service for a moment (its schema being restored, or behind the code):
 * nothing is read or written, 503 with Retry-After; sent again once it is back, it is served.
 */
public abstract class TenantOutOfServiceException extends RefusedException {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** {@code key}: the message saying why, with the tenant's label as its one argument. */
    protected TenantOutOfServiceException(String key, TenantLabel label) {
        super(key, label.value());
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
