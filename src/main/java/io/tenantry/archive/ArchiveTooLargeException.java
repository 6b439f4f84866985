package io.tenantry.archive;

import io.tenantry.platform.TooLargeException;

/** An archive beyond one of {@link ArchiveLimits}: answered with 413, naming the limit and its setting; nothing is imported. */
public class ArchiveTooLargeException extends TooLargeException {

    private ArchiveTooLargeException(String key, Object... arguments) {
        super(key, arguments);
    }

    static ArchiveTooLargeException upload(ArchiveLimits limits) {
        return new ArchiveTooLargeException("archive.uploadTooLarge", limits.maxUploadMb(), ArchiveLimits.UPLOAD);
    }

    static ArchiveTooLargeException entry(String name, ArchiveLimits limits) {
        return new ArchiveTooLargeException("archive.entryTooLarge", ArchiveNames.printable(name), limits.maxEntryMb(),
                ArchiveLimits.ENTRY);
    }

    static ArchiveTooLargeException expanded(ArchiveLimits limits) {
        return new ArchiveTooLargeException("archive.expandedTooLarge", limits.maxExpandedMb(), ArchiveLimits.EXPANDED);
    }

    static ArchiveTooLargeException entries(ArchiveLimits limits) {
        return new ArchiveTooLargeException("archive.tooManyEntries", limits.maxEntries(), ArchiveLimits.ENTRIES);
    }
}
