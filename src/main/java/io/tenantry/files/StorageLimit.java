package io.tenantry.files;

import java.util.Optional;

import io.tenantry.platform.WholeNumberSetting;

/**
 * TENANT_STORAGE_MAX_MB: how much of the disk one tenant may fill, its files and its restore points
 * together, in MiB (1024 unless set; 1 to 10,000,000). Every tenant shares the disk of FILES_ROOT, so
 * one owner must not fill it for all.
 */
public record StorageLimit(long maxBytes) {

    static final long DEFAULT_MB = 1024;
    private static final long MAX_MB = 10_000_000;

    /** The checked setting; an {@link IllegalStateException} naming the variable when it is wrong. */
    public static StorageLimit of(Optional<String> megabytes) {
        return new StorageLimit(WholeNumberSetting.of("TENANT_STORAGE_MAX_MB", megabytes, "MiB", 1, MAX_MB, DEFAULT_MB, 2048)
                * 1024 * 1024);
    }

    /** The limit in whole MiB, as people are told it. */
    public long megabytes() {
        return maxBytes / (1024 * 1024);
    }

    /** For the start-up log. */
    @Override
    public String toString() {
        return "storage per tenant at most " + megabytes() + " MiB";
    }
}
