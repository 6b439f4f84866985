package io.tenantry.access;

/** The tenant's paid-until date has passed and unpaid tenants are blocked. */
public class SubscriptionExpiredException extends RuntimeException {

    public SubscriptionExpiredException(String tenantName) {
        super("The subscription of " + tenantName + " has expired. Ask its owner to renew it.");
    }
}
