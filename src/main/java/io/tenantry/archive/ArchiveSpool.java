package io.tenantry.archive;

import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Spools an uploaded archive to a private temporary file within {@link ArchiveLimits}, outside any
 * transaction: however slowly the sender sends it, no database connection waits for it. The
 * import then reads the spooled file in its own transaction ({@link TenantImport#readFrom}).
 */
@ApplicationScoped
public class ArchiveSpool {

    @Inject
    ArchiveLimits limits;

    /** The checked archive, to be closed by the caller (which deletes the file); refusals as {@link SpooledArchive#spool}. */
    public SpooledArchive spool(InputStream upload) {
        return SpooledArchive.spool(upload, limits);
    }
}
