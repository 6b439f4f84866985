package io.tenantry.access;

import io.tenantry.platform.Reason;
import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;

/** The tenant's paid-until date has passed and unpaid tenants are blocked. */
public class SubscriptionExpiredException extends RefusedException {

    /** {@code reason}: what the caller is told (see {@link SubscriptionNotices#expired}). */
    public SubscriptionExpiredException(Reason reason) {
        super(reason);
    }

    @Override
    public RefusalKind kind() {
        return RefusalKind.PAYMENT_REQUIRED;
    }
}
