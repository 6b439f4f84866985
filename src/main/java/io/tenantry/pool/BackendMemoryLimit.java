package io.tenantry.pool;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Whether a pooled PostgreSQL connection may be handed out again. It must answer (as the servers'
 * own PostgreSQL validation asks), and its backend's own memory must be under a limit: a backend
 * keeps the catalog entries of every tenant schema it has touched and the plans of the statements
 * prepared there, and frees neither until it ends, so a connection that served a large fleet for
 * long holds tens of MB for nothing. Refused, the pool closes the connection and opens a new one
 * when it needs one; a connection that serves few tenants is never refused, whatever its age.
 *
 * <p>The memory is the sum of {@code pg_backend_memory_contexts.total_bytes} (PostgreSQL 14 and
 * later), read on one handout in {@value #SAMPLED_ONE_IN} chosen at random (the read lists every
 * memory context of the backend: one per cached index, so its cost grows with the tenants the
 * connection touched), which lets a connection pass the limit by what about that many handouts add.
 * Reading that view takes {@code pg_read_all_stats} (or a superuser; on PostgreSQL 14 a superuser,
 * and before 14 there is none); without it a connection is retired after
 * {@value #USES_WHEN_UNREADABLE} handouts instead, which bounds its memory as the usage count that
 * came before did (the application's start-up warns of it).
 */
public final class BackendMemoryLimit {

    /** The system property that sets the limit, in MiB; it wins over {@link #VARIABLE}, as in MicroProfile Config. */
    public static final String PROPERTY = "db.connection.memory-mb";
    /** The environment variable that sets the limit, in MiB. */
    public static final String VARIABLE = "DB_CONNECTION_MEMORY_MB";
    /** The limit when neither is set, in MiB: about 500–1,000 tenants' catalog entries (bench/README.md). */
    public static final int DEFAULT_MB = 48;
    /**
     * The least limit accepted, in MiB: above what a new backend holds (about 1.3 MiB), since Payara also
     * validates a connection it has just opened, and a refusal there fails the request that asked for it.
     */
    public static final int MIN_MB = 2;
    /** The greatest limit accepted, in MiB. */
    public static final int MAX_MB = 65_536;
    /** One handout in this many reads the backend's memory. */
    public static final int SAMPLED_ONE_IN = 64;
    /**
     * Where PostgreSQL cannot tell the memory, a connection is retired at this many handouts: it has
     * then served at most as many tenants, about 50 MB (bench/README.md, "Bounded database memory").
     */
    public static final int USES_WHEN_UNREADABLE = 1_000;

    private static final double MIB = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(BackendMemoryLimit.class.getName());
    private static final String MEMORY = "SELECT sum(total_bytes), pg_backend_pid() FROM pg_backend_memory_contexts";
    /**
     * The SQL states of a memory that cannot be read: the account may not (42501: PostgreSQL 15 and
     * later ask for {@code pg_read_all_stats}, 14 for a superuser), or the view does not exist (42P01:
     * PostgreSQL 13 and older).
     */
    public static final Set<String> UNREADABLE = Set.of("42501", "42P01");
    private static final BackendMemoryLimit CONFIGURED = configured(System.getProperty(PROPERTY), System.getenv(VARIABLE));

    private final long limitBytes;
    private final int sampledOneIn;
    private final int usesWhenUnreadable;
    /** Set once the view could not be read: the account and the server do not change under a pool. */
    private final AtomicBoolean memoryUnreadable = new AtomicBoolean();
    /** Handouts per connection, counted only while the memory cannot be read; forgotten with the connection. */
    private final Map<Connection, Integer> handouts = new WeakHashMap<>();

    /**
     * @param limitBytes the most memory a backend may hold and still be handed out, in bytes
     * @param sampledOneIn read the memory on one handout in this many (1: on every handout)
     * @param usesWhenUnreadable when PostgreSQL cannot tell the memory, retire a connection at this
     *     many handouts instead, as the servers' usage counts do
     */
    public BackendMemoryLimit(long limitBytes, int sampledOneIn, int usesWhenUnreadable) {
        if (limitBytes <= 0 || sampledOneIn < 1 || usesWhenUnreadable < 1) {
            throw new IllegalArgumentException("limit " + limitBytes + " bytes, one in " + sampledOneIn + ", "
                    + usesWhenUnreadable + " uses");
        }
        this.limitBytes = limitBytes;
        this.sampledOneIn = sampledOneIn;
        this.usesWhenUnreadable = usesWhenUnreadable;
    }

    /** The limit this server was started with ({@link #PROPERTY}, else {@link #VARIABLE}, else {@value #DEFAULT_MB} MiB). */
    public static BackendMemoryLimit configured() {
        return CONFIGURED;
    }

    /**
     * The limit a setting gives: a whole number of MiB from {@value #MIN_MB} to {@value #MAX_MB}.
     * Anything else is logged as severe, naming {@link #VARIABLE}, and the default is used: the pool
     * cannot stop the server (the application's start-up refuses the same value, naming it:
     * {@code platform.PoolMemoryLimit}).
     *
     * @param property the system property's value, or null
     * @param variable the environment variable's value, or null
     */
    static BackendMemoryLimit configured(String property, String variable) {
        String setting = property != null ? property : variable;
        int megabytes = DEFAULT_MB;
        if (setting != null && !setting.isBlank()) {
            Integer parsed = megabytes(setting);
            if (parsed == null) {
                LOG.severe(VARIABLE + " (" + PROPERTY + ") is '" + setting + "', not a whole number of MiB from " + MIN_MB
                        + " to " + MAX_MB + ": pooled connections are retired above " + DEFAULT_MB + " MiB");
            } else {
                megabytes = parsed;
            }
        }
        return new BackendMemoryLimit(megabytes * 1024L * 1024L, SAMPLED_ONE_IN, USES_WHEN_UNREADABLE);
    }

    /**
     * @param setting a setting's text
     * @return the whole number of MiB it names, from {@value #MIN_MB} to {@value #MAX_MB}; null otherwise
     */
    public static Integer megabytes(String setting) {
        String trimmed = setting.strip();
        // Up to 18 digits, leading zeros and all, as the application's start-up check reads it.
        if (!trimmed.matches("[0-9]{1,18}")) {
            return null;
        }
        long megabytes = Long.parseLong(trimmed);
        return megabytes >= MIN_MB && megabytes <= MAX_MB ? (int) megabytes : null;
    }

    /** @return the limit, in bytes */
    public long limitBytes() {
        return limitBytes;
    }

    /**
     * @param connection a physical connection to PostgreSQL, out of any transaction (auto-commit may be
     *     off: Payara gives a connection back so after a failed commit)
     * @param timeoutSeconds how long to wait for its answer (0: as long as it takes)
     * @return null when it may be handed out; otherwise why not (it does not answer, the memory it
     *     holds, or its handouts while the memory cannot be read)
     */
    public String refusal(Connection connection, int timeoutSeconds) {
        if (memoryUnreadable.get()) {
            return usedUp(connection) ? "PostgreSQL cannot tell this connection's memory (see " + VARIABLE + "): retired after "
                    + usesWhenUnreadable + " handouts" : answers(connection, timeoutSeconds);
        }
        if (ThreadLocalRandom.current().nextInt(sampledOneIn) != 0) {
            return answers(connection, timeoutSeconds);
        }
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(timeoutSeconds);
            try (ResultSet row = statement.executeQuery(MEMORY)) {
                row.next();
                long bytes = row.getLong(1);
                return bytes <= limitBytes ? null : String.format(Locale.ROOT,
                        "PostgreSQL backend %d holds %.1f MiB of memory, above the %.1f MiB of %s: retired",
                        row.getInt(2), bytes / MIB, limitBytes / MIB, VARIABLE);
            }
        } catch (SQLException e) {
            if (UNREADABLE.contains(e.getSQLState())) {
                // From now on, retired by their handouts (the application's start-up warns of it: platform.PoolMemoryLimit).
                memoryUnreadable.set(true);
                return refusal(connection, timeoutSeconds);
            }
            return "the connection does not answer: " + e.getMessage();
        }
    }

    /**
     * What the servers' own PostgreSQL validation asks: a statement, which also fails on a connection
     * left in a failed transaction (Connection.isValid would pass it).
     */
    private static String answers(Connection connection, int timeoutSeconds) {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(timeoutSeconds);
            statement.execute("SELECT 1");
            return null;
        } catch (SQLException e) {
            return "the connection does not answer: " + e.getMessage();
        }
    }

    /** Counts a handout of {@code connection}; true (and forgets it) at the {@code usesWhenUnreadable}th. */
    private boolean usedUp(Connection connection) {
        synchronized (handouts) {
            int count = handouts.merge(connection, 1, Integer::sum);
            if (count < usesWhenUnreadable) {
                return false;
            }
            handouts.remove(connection);
            return true;
        }
    }
}
