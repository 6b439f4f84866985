package io.tenantry.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.tenantry.accounts.CurrentCaller;
import io.tenantry.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The current tenant's archive, written whole to a private temporary file in the export's transaction
 * ({@link TenantExport#writeTo}) and then read from it: however slowly a client reads, no database
 * connection waits for it. Before, a few dozen exports that their clients did not read held the whole
 * pool, and every tenant waited.
 */
@ApplicationScoped
public class ExportSpool {

    @Inject
    TenantExport export;

    @Inject
    ExportsAtOnce exportsAtOnce;

    @Inject
    TenantContext context;

    @Inject
    CurrentCaller caller;

    /** An archive written and ready to send: closing {@code content} deletes its file and gives its place back. */
    record Written(InputStream content, long size) {
    }

    /**
     * Writes the archive, once a place among the tenant's exports and the caller's is free
     * ({@link ExportsAtOnce}: 429 otherwise); who may export is checked by {@link TenantExport} (403) before anything is written.
     */
    Written write() {
        ExportsAtOnce.Place place = exportsAtOnce.take(context.tenant(), caller.require().accountId());
        Path file = null;
        try {
            file = Files.createTempFile("tenantry-export-", ".zip"); // readable by the server's user alone
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                export.writeTo(out);
            }
            long size = Files.size(file);
            return new Written(place.heldBy(Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE)), size);
        } catch (IOException e) {
            giveUp(place, file);
            throw new UncheckedIOException("Could not write the archive of " + context.tenant().label(), e);
        } catch (RuntimeException e) {
            giveUp(place, file);
            throw e;
        }
    }

    private static void giveUp(ExportsAtOnce.Place place, Path file) {
        place.close();
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // left in the temporary folder, named as ours; the failure the caller hears is the export's own
            }
        }
    }
}
