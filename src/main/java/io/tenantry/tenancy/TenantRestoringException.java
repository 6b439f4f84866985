package io.tenantry.tenancy;

import java.time.Duration;
import java.util.Optional;

import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;

/**
 * The request's tenant is being restored, or was restored since the request began (what it read is
 * no longer the tenant's): nothing is written, 503 with Retry-After; sent again, it meets the
 * restored tenant.
 */
public class TenantRestoringException extends RefusedException {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public TenantRestoringException(TenantLabel label) {
        super("tenant.restoring", label.value());
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
