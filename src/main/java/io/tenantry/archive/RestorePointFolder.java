package io.tenantry.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import io.tenantry.tenancy.TenantDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Where restore points are kept (RESTORE_POINTS_DIR): {@code tenant-<tenant id>/<file key>.zip}, the key
 * the point's row holds (random: ids come again after the database is put back from a backup).
 * Every path is made of the registry's and the point table's numbers only, never of anything a
 * request names, so no path can leave the folder or reach another tenant's points. A point is
 * written to a {@code .part} file beside its place and moved there whole.
 */
@ApplicationScoped
public class RestorePointFolder {

    @Inject
    RestorePointSettings settings;

    /** A new, empty partial file in the tenant's folder, for a point being written. */
    Path newPart(long tenantId) {
        try {
            Path folder = Files.createDirectories(folderOf(tenantId));
            return Files.createTempFile(folder, ".point-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a file for a restore point in " + settings.folder(), e);
        }
    }

    /** The finished point's file. */
    Path of(long tenantId, UUID fileKey) {
        return folderOf(tenantId).resolve(fileKey + ".zip");
    }

    /** Moves a written partial file to the point's place, in one step: a reader sees all of it or nothing. */
    void place(Path part, long tenantId, UUID fileKey) throws IOException {
        Files.move(part, of(tenantId, fileKey), StandardCopyOption.ATOMIC_MOVE);
    }

    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + file, e);
        }
    }

    /** A deleted tenant's points go once its deletion committed (their rows went with the tenant's). */
    void tenantDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantDeleted deleted) {
        Path folder = folderOf(deleted.tenant().id());
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the restore points in " + folder, e);
        }
    }

    private Path folderOf(long tenantId) {
        return settings.folder().resolve("tenant-" + tenantId);
    }
}
