package io.tenantry.provisioning;

/** How a new tenant's schema is built. */
public enum ProvisioningPath {
    /** Copy the structure of the template schema: milliseconds, one transaction. */
    CLONE,
    /** Run every tenant migration from scratch in a staging schema, then adopt it. */
    MIGRATE
}
