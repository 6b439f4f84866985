package io.tenantry.platform;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.Config;

/**
 * The database as the deployment first meets it, before anything of Tenantry runs: DB_URL must name
 * PostgreSQL, and the server's pool must hand out one connection. A database that cannot be reached
 * <em>yet</em> (nothing listening, a host name not known yet, PostgreSQL still starting: SQLState
 * class 08 or 57P03) is waited for, up to DB_WAIT_SECONDS, trying every second; one that refuses the
 * account or names no database fails at once, naming the variables to check.
 *
 * <p>Why here: the server opens the persistence unit while it deploys the WAR, and EclipseLink's
 * first login takes a connection; a failure there fails the deployment, and the server does not
 * try again (Payara Micro stays up with nothing deployed). Waiting lets the application and its
 * database be started in any order. Called by the persistence unit's session customizer, before
 * that login. Connections after this one fail fast (503 to requests, see {@link DatabaseOutage}).
 */
public final class DatabaseAtStart {

    /** DB_WAIT_SECONDS: how long the deployment waits for a database that cannot be reached yet. */
    public static final String WAIT_PROPERTY = "db.wait.seconds";
    static final long DEFAULT_WAIT_SECONDS = 300;
    private static final Logger LOG = Logger.getLogger(DatabaseAtStart.class.getName());
    private static final Duration BETWEEN_TRIES = Duration.ofSeconds(1);
    private static final Duration BETWEEN_LOG_LINES = Duration.ofSeconds(15);

    private DatabaseAtStart() {
    }

    /**
     * Checks DB_URL and waits for the first connection of {@code pool}, with the settings of {@code config}.
     *
     * @throws IllegalStateException naming the variable to set when DB_URL is missing or names no
     *     PostgreSQL database, when DB_WAIT_SECONDS is no whole number of seconds, when the database
     *     refuses the account, or when it could not be reached within DB_WAIT_SECONDS
     */
    public static void await(DataSource pool, Config config) {
        requirePostgresUrl(config.getOptionalValue("db.url", String.class));
        Optional<String> wait = config.getOptionalValue(WAIT_PROPERTY, String.class);
        await(pool, Duration.ofSeconds(wait.map(DatabaseAtStart::seconds).orElse(DEFAULT_WAIT_SECONDS)));
    }

    /** As {@link #await(DataSource, Config)}, DB_URL aside, waiting at most {@code wait}. */
    static void await(DataSource pool, Duration wait) {
        long started = System.nanoTime();
        long deadline = started + wait.toNanos();
        long nextLine = started;
        for (int attempt = 1; ; attempt++) {
            try (Connection first = pool.getConnection()) {
                if (attempt > 1) {
                    LOG.info("The database answered after " + (System.nanoTime() - started) / 1_000_000_000 + " s");
                }
                return;
            } catch (SQLException failure) {
                if (!mayComeUp(failure)) {
                    throw new IllegalStateException("The database refused the connection (" + rootMessage(failure)
                            + "): check DB_URL, DB_USER and DB_PASSWORD", failure);
                }
                long now = System.nanoTime();
                if (now - deadline >= 0) {
                    throw new IllegalStateException("The database named by DB_URL could not be reached within "
                            + wait.toSeconds() + " s (" + rootMessage(failure) + "); DB_WAIT_SECONDS sets how long to wait", failure);
                }
                if (now - nextLine >= 0) {
                    LOG.warning("Waiting for the database named by DB_URL (" + rootMessage(failure) + "), at most "
                            + wait.toSeconds() + " s (DB_WAIT_SECONDS)");
                    nextLine = now + BETWEEN_LOG_LINES.toNanos();
                }
                sleep();
            }
        }
    }

    /**
     * @throws IllegalStateException naming DB_URL and giving an example when {@code url} is missing
     *     or is no PostgreSQL JDBC URL
     */
    public static void requirePostgresUrl(Optional<String> url) {
        if (url.filter(u -> u.startsWith("jdbc:postgresql:")).isEmpty()) {
            throw new IllegalStateException("DB_URL is " + url.map(u -> "'" + u + "', not a PostgreSQL JDBC URL")
                    .orElse("not set") + ". Set it, for example DB_URL=jdbc:postgresql://db.example.com:5432/tenantry "
                    + "with DB_USER and DB_PASSWORD (mvn -Prun starts an embedded database instead).");
        }
    }

    /** A failure that a database still starting, or a network still coming up, gives. */
    static boolean mayComeUp(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                // PostgreSQL's own codes; a pool's wrapper carries none and is looked through.
                return sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P03");
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL's own words (its driver's exception), else those of the deepest cause. */
    private static String rootMessage(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getMessage();
            }
            deepest = cause;
        }
        return deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
    }

    private static long seconds(String text) {
        try {
            long seconds = Long.parseLong(text.trim());
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new IllegalStateException("DB_WAIT_SECONDS is '" + text + "', not a whole number of seconds: set it, for example "
                + "DB_WAIT_SECONDS=300, or leave it unset for " + DEFAULT_WAIT_SECONDS + " s");
    }

    private static void sleep() {
        try {
            Thread.sleep(BETWEEN_TRIES.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database", e);
        }
    }
}
