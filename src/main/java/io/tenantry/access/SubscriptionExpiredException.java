package io.tenantry.access;

import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;

/** The tenant's paid-until date has passed and unpaid tenants are blocked. */
public class SubscriptionExpiredException extends RefusedException {

    public SubscriptionExpiredException(String tenantName) {
        super("subscriptionExpired", tenantName);
    }

    @Override
    public RefusalKind kind() {
        return RefusalKind.PAYMENT_REQUIRED;
    }
}
