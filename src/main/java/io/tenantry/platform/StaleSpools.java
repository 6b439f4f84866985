package io.tenantry.platform;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Removes, at start-up, the spool files an instance that ended abruptly (killed, crashed) left in the
 * temporary folder: request bodies ({@link SpooledBody}, {@code tenantry-upload-*}), archives being
 * imported ({@code tenantry-import-*}) and exports being sent ({@code tenantry-export-*}). Each is deleted
 * as soon as its request ends, but only while the instance lives; without this sweep an instance stopped
 * mid-export left a file as large as a tenant's archive for good. Only files last changed more than
 * {@link #OLDER_THAN} ago go: no request lasts that long, so another instance sharing the folder loses
 * none of its own.
 */
@ApplicationScoped
public class StaleSpools {

    static final Duration OLDER_THAN = Duration.ofDays(1);
    private static final String NAMES = "tenantry-{upload,import,export}-*";
    private static final Logger LOG = Logger.getLogger(StaleSpools.class.getName());

    /** Sweeps {@code java.io.tmpdir}; failures are logged, never thrown (the instance starts all the same). */
    public void sweep() {
        try {
            int removed = sweep(Path.of(System.getProperty("java.io.tmpdir")), Instant.now().minus(OLDER_THAN));
            if (removed > 0) {
                LOG.info("Removed " + removed + " spool file(s) left in the temporary folder by an earlier run");
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not sweep the temporary folder of spool files left by an earlier run", e);
        }
    }

    /** Deletes the spool files in {@code folder} last changed before {@code before}; gives how many. */
    static int sweep(Path folder, Instant before) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> spools = Files.newDirectoryStream(folder, NAMES)) {
            for (Path spool : spools) {
                if (Files.isRegularFile(spool) && Files.getLastModifiedTime(spool).toInstant().isBefore(before)
                        && Files.deleteIfExists(spool)) {
                    removed++;
                }
            }
        }
        return removed;
    }
}
