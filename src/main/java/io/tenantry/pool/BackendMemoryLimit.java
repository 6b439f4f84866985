package io.tenantry.pool;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
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
 * later). Reading it lists every memory context of the backend (one per cached index and statement),
 * so it costs more the more tenants the connection touched: 5.5–12 ms for a backend that served 625 of
 * 10,000 tenants, which, read on every 64th handout, was a fifth of PostgreSQL's CPU per read
 * (bench/README.md, "What a read costs PostgreSQL"). So it is read at the connection's
 * {@value #READ_AT_LEAST_EVERY}th handout, and then when, growing as fast as it has grown between two
 * readings, or {@value #ASSUMED_GROWTH} bytes a handout (about what a tenant new to the backend adds)
 * if faster, it would have used half the room it had left under the limit at the last reading
 * ({@link #handoutsApart}): {@value #READ_AT_LEAST_EVERY} to {@value #READ_AT_MOST_EVERY} handouts
 * apart. A connection far under its limit is read less often; one near it every
 * {@value #READ_AT_LEAST_EVERY}th handout. A connection may pass the limit by what the handouts
 * between two readings add: near the limit, what {@value #READ_AT_LEAST_EVERY} handouts add; further
 * from it, only by growing more than twice as fast as it has shown, as one that turns from reads to
 * serving tenant creations may, by up to {@value #READ_AT_MOST_EVERY} handouts' worth.
 *
 * <p>Reading that view takes {@code pg_read_all_stats} (or a superuser; on PostgreSQL 14 a superuser,
 * and before 14 there is none); without it a connection is retired after
 * {@value #USES_WHEN_UNREADABLE} handouts instead, which bounds its memory as the usage count that
 * came before did (the application's start-up warns of it).
 *
 * <p>Whether it answers is asked with {@code SELECT 1}, a round trip and a transaction of
 * PostgreSQL's, unless the connection answered less than {@value #ANSWERED_WITHIN_MS} ms ago, is
 * open and is in auto-commit (the state a pool gives a connection back in after a transaction that
 * ended well): under load that spares most handouts the question (a read of one transaction
 * otherwise costs two of PostgreSQL's). The price: a backend that ended within that second (a
 * database restarting) is met by the request that takes it, which fails (503) and leaves the
 * connection closed, refused at its next handout. Every question waits for its answer at most the
 * pool's statement timeout, or {@value #ANSWER_WITHIN_SECONDS} s where it sets none.
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
    /** The first reading of a connection's memory is at this handout, and the next ones at least this many apart. */
    public static final int READ_AT_LEAST_EVERY = 64;
    /** Readings of a connection's memory are at most this many handouts apart. */
    public static final int READ_AT_MOST_EVERY = 256;
    /** Bytes a handout is taken to add unless the connection has grown faster: a tenant new to the backend adds 45–95 KB. */
    public static final long ASSUMED_GROWTH = 64 * 1024;
    /**
     * Seconds a connection has to answer when the pool sets no timeout: one whose database has gone
     * without closing it (a failover, a firewall that dropped an idle connection) is then refused and
     * replaced, where the handout would otherwise wait for the operating system to give the
     * connection up (about 15 minutes on Linux). Lane connections idle up to an hour.
     */
    public static final int ANSWER_WITHIN_SECONDS = 10;
    /** A connection that answered less than this long ago (ms) is handed out without being asked again. */
    public static final int ANSWERED_WITHIN_MS = 1_000;
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
    private final int readAtLeastEvery;
    private final int readAtMostEvery;
    private final int usesWhenUnreadable;
    private final long answeredWithinNanos;
    /** Set once the view could not be read: the account and the server do not change under a pool. */
    private final AtomicBoolean memoryUnreadable = new AtomicBoolean();
    /** What is known of each pooled connection; forgotten with the connection. Guarded by itself. */
    private final Map<Connection, Handouts> handouts = new WeakHashMap<>();

    /**
     * @param limitBytes the most memory a backend may hold and still be handed out, in bytes
     * @param readAtLeastEvery read a connection's memory first at this handout (1: the first), and later
     *     readings at least this many handouts apart
     * @param readAtMostEvery and at most this many apart (equal to the least: readings evenly apart)
     * @param usesWhenUnreadable when PostgreSQL cannot tell the memory, retire a connection at this
     *     many handouts instead, as the servers' usage counts do
     * @param answeredWithinMillis hand a connection out without asking whether it answers when it
     *     answered less than this many milliseconds ago (0: ask on every handout)
     */
    public BackendMemoryLimit(long limitBytes, int readAtLeastEvery, int readAtMostEvery, int usesWhenUnreadable,
            long answeredWithinMillis) {
        if (limitBytes <= 0 || readAtLeastEvery < 1 || readAtMostEvery < readAtLeastEvery || usesWhenUnreadable < 1
                || answeredWithinMillis < 0) {
            throw new IllegalArgumentException("limit " + limitBytes + " bytes, read every " + readAtLeastEvery + " to "
                    + readAtMostEvery + " handouts, " + usesWhenUnreadable + " uses, answered within "
                    + answeredWithinMillis + " ms");
        }
        this.limitBytes = limitBytes;
        this.readAtLeastEvery = readAtLeastEvery;
        this.readAtMostEvery = readAtMostEvery;
        this.usesWhenUnreadable = usesWhenUnreadable;
        this.answeredWithinNanos = TimeUnit.MILLISECONDS.toNanos(answeredWithinMillis);
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
        return new BackendMemoryLimit(megabytes * 1024L * 1024L, READ_AT_LEAST_EVERY, READ_AT_MOST_EVERY, USES_WHEN_UNREADABLE,
                ANSWERED_WITHIN_MS);
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
     * @param timeoutSeconds how long to wait for its answer, in seconds (0: {@value #ANSWER_WITHIN_SECONDS});
     *     a connection that has not answered by then is refused
     * @return null when it may be handed out; otherwise why not (it does not answer, the memory it
     *     holds, or its handouts while the memory cannot be read)
     */
    public String refusal(Connection connection, int timeoutSeconds) {
        Handouts handout = handedOut(connection);
        boolean unreadable = memoryUnreadable.get();
        if (unreadable && handout.count >= usesWhenUnreadable) {
            forget(connection);
            return "PostgreSQL cannot tell this connection's memory (see " + VARIABLE + "): retired after "
                    + usesWhenUnreadable + " handouts";
        }
        if (unreadable || handout.count < handout.nextReading) {
            return answeredLately(connection, handout) ? null : asking(connection, timeoutSeconds, this::answers);
        }
        return asking(connection, timeoutSeconds, asked -> memoryRefusal(asked, handout));
    }

    /**
     * Asks {@code question} of the connection's database with a network timeout, and gives the connection
     * its own back afterwards. Not a query timeout: that one sends a cancel request on a connection of its
     * own, which a database gone silent does not answer either, and the driver waits for it (up to its
     * cancelSignalTimeout, 10 s); past the network timeout the driver closes the connection at once.
     */
    private String asking(Connection connection, int timeoutSeconds, Function<Connection, String> question) {
        int seconds = timeoutSeconds > 0 ? timeoutSeconds : ANSWER_WITHIN_SECONDS;
        int ownTimeout;
        try {
            ownTimeout = connection.getNetworkTimeout();
            connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, TimeUnit.SECONDS.toMillis(seconds)));
        } catch (SQLException closed) {
            return "the connection does not answer: " + closed.getMessage();
        }
        String refusal = null;
        try {
            refusal = question.apply(connection);
        } finally {
            try {
                connection.setNetworkTimeout(Runnable::run, ownTimeout);
            } catch (SQLException e) {
                // Closed by the driver when it did not answer in time (refused already), or else never to be
                // handed out with the question's timeout, which would end a request's longer statements.
                if (refusal == null) {
                    refusal = "its own network timeout could not be given back: " + e.getMessage();
                }
            }
        }
        return refusal;
    }

    private String memoryRefusal(Connection connection, Handouts handout) {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery(MEMORY)) {
                row.next();
                long bytes = row.getLong(1);
                answered(connection);
                read(connection, handout.count, bytes);
                return bytes <= limitBytes ? null : String.format(Locale.ROOT,
                        "PostgreSQL backend %d holds %.1f MiB of memory, above the %.1f MiB of %s: retired",
                        row.getInt(2), bytes / MIB, limitBytes / MIB, VARIABLE);
            }
        } catch (SQLException e) {
            if (UNREADABLE.contains(e.getSQLState())) {
                // From now on, retired by their handouts (the application's start-up warns of it: platform.PoolMemoryLimit).
                memoryUnreadable.set(true);
                return answers(connection);
            }
            return "the connection does not answer: " + e.getMessage();
        }
    }

    /**
     * What the servers' own PostgreSQL validation asks: a statement, which also fails on a connection
     * left in a failed transaction (Connection.isValid would pass it).
     */
    private String answers(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            answered(connection);
            return null;
        } catch (SQLException e) {
            return "the connection does not answer: " + e.getMessage();
        }
    }

    /**
     * Whether a connection may go without the question: it answered less than the window ago, and
     * since then nothing the driver saw closed it, and it is back in auto-commit (a transaction that
     * failed to end leaves it out of it). Both are read from the driver's own state, no round trip.
     */
    private boolean answeredLately(Connection connection, Handouts handout) {
        try {
            return handout.answered && System.nanoTime() - handout.answeredAt < answeredWithinNanos
                    && !connection.isClosed() && connection.getAutoCommit();
        } catch (SQLException e) {
            return false;
        }
    }

    /** Counts a handout of {@code connection} (the first is 1) and returns what is known of it. */
    private Handouts handedOut(Connection connection) {
        synchronized (handouts) {
            Handouts handout = handouts.computeIfAbsent(connection, c -> new Handouts());
            handout.count++;
            return handout.copy();
        }
    }

    /** A connection retired: the pool destroys it, and one handed out again after all is counted from nothing. */
    private void forget(Connection connection) {
        synchronized (handouts) {
            handouts.remove(connection);
        }
    }

    private void answered(Connection connection) {
        synchronized (handouts) {
            Handouts handout = handouts.computeIfAbsent(connection, c -> new Handouts());
            handout.answered = true;
            handout.answeredAt = System.nanoTime();
        }
    }

    /** Notes a reading of {@code bytes} at handout {@code count}, and when the next one is due (see the class). */
    private void read(Connection connection, long count, long bytes) {
        synchronized (handouts) {
            Handouts handout = handouts.computeIfAbsent(connection, c -> new Handouts());
            // The first reading counts the whole backend as grown since the connection opened: faster than it grew.
            long grownPerHandout = (bytes - handout.bytesAtReading) / Math.max(1, count - handout.countAtReading);
            handout.fastestGrowth = Math.max(handout.fastestGrowth, grownPerHandout);
            handout.nextReading = count + handoutsApart(limitBytes - bytes, handout.fastestGrowth, readAtLeastEvery, readAtMostEvery);
            handout.bytesAtReading = bytes;
            handout.countAtReading = count;
        }
    }

    /**
     * How many handouts after a reading the next one comes: as many as would use half of {@code roomBytes}
     * at {@code fastestGrowth} bytes a handout, or {@value #ASSUMED_GROWTH} if faster, from {@code least}
     * to {@code most}.
     *
     * @param roomBytes the limit less the memory read, in bytes (negative: above it)
     * @param fastestGrowth the most bytes a handout of the connection has added, on average between two readings
     * @param least the fewest handouts apart
     * @param most the most handouts apart, at least {@code least}
     * @return handouts until the next reading
     */
    static long handoutsApart(long roomBytes, long fastestGrowth, int least, int most) {
        long apart = Math.max(0, roomBytes) / (2 * Math.max(ASSUMED_GROWTH, fastestGrowth));
        return Math.max(least, Math.min(most, apart));
    }

    /**
     * A connection's handouts so far, whether it has answered, and when last ({@link System#nanoTime()});
     * the handout at which its memory is read next, and what the last reading found.
     */
    private final class Handouts {
        long count;
        boolean answered;
        long answeredAt;
        long nextReading = readAtLeastEvery;
        long countAtReading;
        long bytesAtReading;
        long fastestGrowth;

        Handouts copy() {
            Handouts copy = new Handouts();
            copy.count = count;
            copy.answered = answered;
            copy.answeredAt = answeredAt;
            copy.nextReading = nextReading;
            return copy;
        }
    }
}
