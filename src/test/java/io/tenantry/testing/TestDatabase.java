package io.tenantry.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database of an integration-test run: the server named by DB_URL (with DB_USER and
 * DB_PASSWORD) when set, otherwise an embedded PostgreSQL started afresh for the run. Started
 * before any test class so that arquillian.xml can hand its URL to Payara Micro.
 */
public class TestDatabase implements LauncherSessionListener {

    static final String URL_PROPERTY = "tenantry.test.db.url";
    private static EmbeddedDatabase embedded;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("tenantry.test.database") || System.getProperty(URL_PROPERTY) != null) {
            return; // unit-test JVM, or already started
        }
        String external = System.getenv("DB_URL");
        if (external != null && !external.isBlank()) {
            System.setProperty(URL_PROPERTY, external);
            return;
        }
        embedded = EmbeddedDatabase.throwaway(Path.of("target", "test-postgres"));
        System.setProperty(URL_PROPERTY, embedded.jdbcUrl());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    /**
     * Restarts the embedded database while the application runs; false (nothing done) when the
     * tests use a server named by DB_URL, which they may not restart.
     */
    public static boolean restartEmbedded() {
        if (embedded == null) {
            return false;
        }
        embedded.restart();
        return true;
    }

    /**
     * How many sessions of the test database sit idle inside a transaction of tenant {@code label}
     * (its last statement carries the tenant's tag, {@code /*schema*}{@code /}, as every statement of a
     * tenant's transaction does) begun more than half a second before: the fewest over three looks
     * 200 ms apart. A transaction waiting for a request's body stays for seconds; other classes'
     * tenants, running meanwhile, are not counted.
     */
    public static long idleInTransaction(String label) throws SQLException, InterruptedException {
        String schema = label.replace('-', '_');
        long fewest = idleInTransactionNow(schema);
        for (int look = 1; look < 3 && fewest > 0; look++) {
            Thread.sleep(200);
            fewest = Math.min(fewest, idleInTransactionNow(schema));
        }
        return fewest;
    }

    private static long idleInTransactionNow(String schema) throws SQLException {
        try (Connection db = connect(); java.sql.PreparedStatement statement = db.prepareStatement("SELECT count(*) FROM "
                + "pg_stat_activity WHERE state = 'idle in transaction' AND datname = current_database()"
                + " AND pid <> pg_backend_pid() AND xact_start < now() - interval '500 milliseconds'"
                + " AND starts_with(query, ?)")) {
            statement.setString(1, "/*" + schema + "*/");
            try (java.sql.ResultSet count = statement.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    /** The backend pids of every connection to the test database but the one asking (pg_stat_activity). */
    public static java.util.Set<Integer> connections() throws SQLException {
        java.util.Set<Integer> pids = new java.util.HashSet<>();
        try (Connection db = connect(); java.sql.ResultSet rows = db.createStatement().executeQuery("SELECT pid FROM "
                + "pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            while (rows.next()) {
                pids.add(rows.getInt(1));
            }
        }
        return pids;
    }

    /**
     * Ends every idle connection to the test database but the one asking (pg_terminate_backend): the
     * servers' pools find them ended when they next hand them out (they validate each) and open others.
     * For a class that runs alone ({@code @Isolated}): a connection in use by another class would fail.
     */
    public static void endIdleConnections() throws SQLException {
        try (Connection db = connect(); Statement end = db.createStatement()) {
            end.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND pid <> pg_backend_pid() AND state = 'idle' AND backend_type = 'client backend'");
        }
    }

    /**
     * A plain data source on the test database, as a server's pool would be defined (PostgreSQL's
     * {@code PGSimpleDataSource}), for tests of what start-up asks of the pool without a server.
     */
    public static PGSimpleDataSource dataSource() throws SQLException {
        PGSimpleDataSource pool = new PGSimpleDataSource();
        try (Connection probe = connect()) {
            pool.setUrl(probe.getMetaData().getURL());
            pool.setUser(probe.getMetaData().getUserName());
        }
        pool.setPassword(env("DB_PASSWORD", ""));
        return pool;
    }

    /** The name of the tenant's schema, unquoted, as the registry holds it; fails when no tenant has the label. */
    public static String schemaOf(String label) throws SQLException {
        try (Connection db = connect();
             PreparedStatement select = db.prepareStatement("SELECT schema_name FROM public.tenant WHERE label = ?")) {
            select.setString(1, label);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("No tenant " + label);
                }
                return row.getString(1);
            }
        }
    }

    /** A direct connection, for tests that look into the database behind the application's back. */
    public static Connection connect() throws SQLException {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null) {
            throw new IllegalStateException("No test database: run the integration tests with mvn verify");
        }
        return DriverManager.getConnection(url, env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
