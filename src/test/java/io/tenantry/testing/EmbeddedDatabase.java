package io.tenantry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 16 from Maven Central's binaries: {@link #throwaway} for a test run,
 * {@link #durable} for mvn -Prun.
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

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * A database for one test run, emptied first, on a free port. Not durable (no fsync, commits
     * acknowledged before they are on disk): it is thrown away after the run, and a crash loses
     * nothing worth keeping, so the suite does not wait for the disk.
     */
    public static EmbeddedDatabase throwaway(Path dataDirectory) {
        return start(builder(dataDirectory).setCleanDataDirectory(true), dataDirectory);
    }

    /**
     * A database that keeps what {@code dataDirectory} holds and whose acknowledged writes survive
     * a crash ({@link #DURABILITY}), on a free port.
     */
    public static EmbeddedDatabase durable(Path dataDirectory) {
        EmbeddedPostgres.Builder builder = builder(dataDirectory).setCleanDataDirectory(false);
        DURABILITY.forEach(builder::setServerConfig);
        return start(builder, dataDirectory);
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.toFile())
                .setServerConfig("max_connections", "200")
                // Which statements ran, and how often: for tests that count queries and for bench/.
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_planning", "on");
    }

    private static EmbeddedDatabase start(EmbeddedPostgres.Builder builder, Path dataDirectory) {
        try {
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
