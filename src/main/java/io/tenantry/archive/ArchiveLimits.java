package io.tenantry.archive;

import java.util.Optional;

import io.tenantry.platform.WholeNumberSetting;

/**
 * How large an archive to import may be: the upload as sent (ARCHIVE_MAX_SIZE_MB), each entry once
 * expanded (ARCHIVE_MAX_ENTRY_SIZE_MB), all entries expanded together (ARCHIVE_MAX_EXPANDED_SIZE_MB)
 * and the number of entries (ARCHIVE_MAX_ENTRIES). Sizes in bytes.
 */
public record ArchiveLimits(long maxUploadBytes, long maxEntryBytes, long maxExpandedBytes, int maxEntries) {

    static final String UPLOAD = "ARCHIVE_MAX_SIZE_MB";
    static final String ENTRY = "ARCHIVE_MAX_ENTRY_SIZE_MB";
    static final String EXPANDED = "ARCHIVE_MAX_EXPANDED_SIZE_MB";
    static final String ENTRIES = "ARCHIVE_MAX_ENTRIES";

    private static final long MB = 1024L * 1024L;

    /**
     * Checks the configured values (each unset: its default of 256 MB, 256 MB, 1024 MB and 20000);
     * a value that is not a whole number from 1 up fails with a message naming its variable.
     */
    public static ArchiveLimits of(Optional<String> uploadMb, Optional<String> entryMb, Optional<String> expandedMb,
            Optional<String> entries) {
        return new ArchiveLimits(positive(UPLOAD, uploadMb, 256, 1024 * 1024) * MB,
                positive(ENTRY, entryMb, 256, 1024 * 1024) * MB, positive(EXPANDED, expandedMb, 1024, 1024 * 1024) * MB,
                (int) positive(ENTRIES, entries, 20_000, Integer.MAX_VALUE));
    }

    private static long positive(String variable, Optional<String> configured, long fallback, long most) {
        return WholeNumberSetting.of(variable, configured, "", 1, most, fallback, fallback);
    }

    /** Refuses (413) an upload that says it is larger than ARCHIVE_MAX_SIZE_MB, before any of it is read. */
    public void requireUpload(long declaredBytes) {
        if (declaredBytes > maxUploadBytes) {
            throw ArchiveTooLargeException.upload(this);
        }
    }

    /** For the start-up log. */
    @Override
    public String toString() {
        return "archives to import: at most " + maxUploadMb() + " MB sent, " + maxEntryMb() + " MB per entry and "
                + maxExpandedMb() + " MB in all expanded, " + maxEntries + " entries";
    }

    long maxUploadMb() {
        return maxUploadBytes / MB;
    }

    long maxEntryMb() {
        return maxEntryBytes / MB;
    }

    long maxExpandedMb() {
        return maxExpandedBytes / MB;
    }
}
