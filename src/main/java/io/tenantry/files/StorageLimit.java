package io.tenantry.files;

import java.util.Optional;

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
        if (megabytes.isEmpty() || megabytes.get().isBlank()) {
            return new StorageLimit(DEFAULT_MB * 1024 * 1024);
        }
        String text = megabytes.get().strip();
        if (text.matches("[0-9]{1,8}")) {
            long mb = Long.parseLong(text);
            if (mb >= 1 && mb <= MAX_MB) {
                return new StorageLimit(mb * 1024 * 1024);
            }
        }
        throw new IllegalStateException("TENANT_STORAGE_MAX_MB is '" + megabytes.get() + "', not a whole number of MiB "
                + "from 1 to " + MAX_MB + ". Set it, for example TENANT_STORAGE_MAX_MB=2048, or leave it unset for "
                + DEFAULT_MB + ".");
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
