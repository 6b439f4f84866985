package io.tenantry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.File;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.stream.Stream;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL 16 from Maven Central's binaries, for tests and for mvn -Prun. */
public final class EmbeddedDatabase implements AutoCloseable {

    // The library's own switch: its close() then leaves the data directory in place.
    private static final String NO_CLEANUP = "ot.epg.no-cleanup";

    private final Path dataDirectory;
    private final boolean keepData;
    private EmbeddedPostgres postgres;
    private boolean restarted;

    private EmbeddedDatabase(Path dataDirectory, boolean keepData, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.keepData = keepData;
        this.postgres = postgres;
    }

    /** Starts on a free port; {@code keepData} reuses what the directory already holds. */
    public static EmbeddedDatabase start(Path dataDirectory, boolean keepData) {
        try {
            return new EmbeddedDatabase(dataDirectory, keepData, configured(dataDirectory).setCleanDataDirectory(!keepData).start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static EmbeddedPostgres.Builder configured(Path dataDirectory) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.toFile())
                .setServerConfig("max_connections", "200")
                // Which statements ran, and how often: for tests that count queries and for bench/.
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_planning", "on");
    }

    /**
     * Restarts the server as an operator's {@code pg_ctl restart -m fast} would (pg_ctl itself
     * refuses to run as root, as the tests may): SIGINT to the postmaster, which ends every
     * connection (57P01) and stops; then the same server on the same port and data. Connections are
     * refused in between. Returns once it accepts connections again.
     */
    public synchronized void restart() {
        try {
            stopFast();
            // Closing releases the library's lock on the directory, which the new server takes.
            System.setProperty(NO_CLEANUP, "true");
            try {
                postgres.close();
            } finally {
                System.clearProperty(NO_CLEANUP);
            }
            postgres = configured(dataDirectory).setCleanDataDirectory(false).setPort(postgres.getPort()).start();
            restarted = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restart the embedded PostgreSQL in " + dataDirectory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /** SIGINT to the postmaster (fast shutdown), and waits until it has stopped. */
    private void stopFast() throws IOException, InterruptedException {
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster)).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("Could not signal the PostgreSQL postmaster " + postmaster);
        }
        ProcessHandle.of(postmaster).ifPresent(stopping -> stopping.onExit().join());
    }

    @Override
    public synchronized void close() {
        try {
            if (restarted) {
                // A server started by restart(): the library's pg_ctl cannot stop it when run as root,
                // and it did not clean the directory when it started, so it will not at the end.
                stopFast();
            }
            postgres.close();
            if (restarted && !keepData) {
                try (Stream<Path> files = Files.walk(dataDirectory)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
