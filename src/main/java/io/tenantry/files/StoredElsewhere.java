package io.tenantry.files;

import io.tenantry.tenancy.Tenant;

/**
 * What a module above keeps on disk for a tenant outside its folder (its restore points), counted
 * against the tenant's {@link StorageLimit} by {@link TenantStorage}. Implemented above, found here
 * through CDI, so that this floor names no module above it.
 */
public interface StoredElsewhere {

    /** The bytes kept for the tenant. */
    long bytesOf(Tenant tenant);
}
