package io.tenantry.archive;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One restore point of a tenant: {@code id} is its number among that tenant's points (1, 2, …, in the
 * order taken; never reused, never another tenant's), an archive the server keeps ({@link RestorePointFolder}), how
 * large it is in bytes, when it was taken, its format and the tenant's schema version then, and why
 * it was taken: {@code scheduled}, {@code manual} or {@code before-restore}.
 */
@Schema(name = "RestorePoint")
public record RestorePoint(long id, String tenant, Instant takenAt, long sizeBytes, int format, String schemaVersion,
        String reason) {

    static final String SCHEDULED = "scheduled";
    static final String MANUAL = "manual";
    static final String BEFORE_RESTORE = "before-restore";
}
