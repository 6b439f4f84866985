package io.tenantry.files;

import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;

/** A write that would pass the tenant's storage limit (TENANT_STORAGE_MAX_MB): nothing is kept, 507. */
public class StorageLimitException extends RefusedException {

    public StorageLimitException(String tenantName, StorageLimit limit, long usedBytes) {
        super("storage.limitReached", tenantName, limit.megabytes(), usedBytes / (1024 * 1024));
    }

    @Override
    public RefusalKind kind() {
        return RefusalKind.INSUFFICIENT_STORAGE;
    }
}
