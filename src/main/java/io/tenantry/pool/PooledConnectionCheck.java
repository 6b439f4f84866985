package io.tenantry.pool;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Whether a pooled PostgreSQL connection may be handed out again: it must answer (as the servers' own
 * PostgreSQL validation asks), and its backend must not have marked itself to be retired.
 *
 * <p>Retired: a backend keeps the catalog entries of every tenant schema it has touched and the plans of
 * the statements prepared there, and frees neither until it ends. The application notes each schema a
 * connection serves in the backend itself ({@code public.tenantry_serve_schema}, public migration 4.19)
 * and, past DB_CONNECTION_SCHEMAS distinct ones, the backend sets {@value #RETIRE} for the rest of its
 * life. The question this class asks reads that setting in the same round trip, so the connection is
 * refused at a handout after the transaction that marked it: the pool closes it there, where no
 * transaction holds it, and opens a new one when it needs one. A connection that serves few tenants is
 * never refused, whatever its age, and keeps its plans.
 *
 * <p>The question costs a round trip and a transaction of PostgreSQL's, so it is asked only when the
 * connection has not answered within the last {@value #ANSWERED_WITHIN_MS} ms, is closed or out of
 * auto-commit (the state a failed commit leaves), and on every {@value #ASKED_ONE_IN}th handout of each
 * connection: under load that spares most handouts the question (a read of one transaction otherwise
 * costs two of PostgreSQL's), and a connection serves at most that many handouts' schemas past its
 * limit. The price: a backend that ended within that second (a database restarting) is met by the
 * request that takes it, which fails (503) and leaves the connection closed, refused at its next handout.
 */
public final class PooledConnectionCheck {

    /** The backend's session setting that marks it to be retired (its value says why); unset on others. */
    public static final String RETIRE = "tenantry.retire";
    /** A connection that answered less than this long ago (ms) is handed out without being asked again... */
    public static final int ANSWERED_WITHIN_MS = 1_000;
    /** ...but for every this many'th handout of it. */
    public static final int ASKED_ONE_IN = 16;

    private static final String QUESTION = "SELECT current_setting('" + RETIRE + "', true)";
    private static final PooledConnectionCheck SERVERS = new PooledConnectionCheck(ANSWERED_WITHIN_MS, ASKED_ONE_IN);

    private final long answeredWithinNanos;
    private final int askedOneIn;
    /** What is known of each pooled connection; forgotten with the connection. Guarded by itself. */
    private final Map<Connection, Handouts> handouts = new WeakHashMap<>();

    /**
     * @param answeredWithinMillis hand a connection out without asking when it answered less than this
     *     many milliseconds ago (0: ask on every handout)
     * @param askedOneIn ask on every this many'th handout of a connection all the same (1: on every one)
     */
    public PooledConnectionCheck(long answeredWithinMillis, int askedOneIn) {
        if (answeredWithinMillis < 0 || askedOneIn < 1) {
            throw new IllegalArgumentException("answered within " + answeredWithinMillis + " ms, asked one in " + askedOneIn);
        }
        this.answeredWithinNanos = TimeUnit.MILLISECONDS.toNanos(answeredWithinMillis);
        this.askedOneIn = askedOneIn;
    }

    /** The check the servers' adapters use: {@value #ANSWERED_WITHIN_MS} ms, one handout in {@value #ASKED_ONE_IN}. */
    public static PooledConnectionCheck servers() {
        return SERVERS;
    }

    /**
     * @param connection a physical connection to PostgreSQL, out of any transaction (auto-commit may be
     *     off: Payara gives a connection back so after a failed commit)
     * @param timeoutSeconds how long to wait for its answer (0: as long as it takes)
     * @return null when it may be handed out; otherwise why not (it does not answer, or is marked to be retired)
     */
    public String refusal(Connection connection, int timeoutSeconds) {
        Handouts handout = handedOut(connection);
        if (handout.count % askedOneIn != 0 && answeredLately(connection, handout)) {
            return null;
        }
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(timeoutSeconds);
            try (ResultSet row = statement.executeQuery(QUESTION)) {
                row.next();
                String retired = row.getString(1);
                if (retired != null && !retired.isEmpty()) {
                    forget(connection);
                    return "PostgreSQL backend " + RETIRE + " = '" + retired + "' (DB_CONNECTION_SCHEMAS): retired";
                }
            }
            answered(connection);
            return null;
        } catch (SQLException e) {
            // Also what a connection left in a failed transaction answers (Connection.isValid would pass it).
            forget(connection);
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

    private void answered(Connection connection) {
        synchronized (handouts) {
            Handouts handout = handouts.computeIfAbsent(connection, c -> new Handouts());
            handout.answered = true;
            handout.answeredAt = System.nanoTime();
        }
    }

    /** A connection refused: the pool destroys it, and one handed out again after all is counted from nothing. */
    private void forget(Connection connection) {
        synchronized (handouts) {
            handouts.remove(connection);
        }
    }

    /** A connection's handouts so far, whether it has answered, and when last ({@link System#nanoTime()}). */
    private static final class Handouts {
        int count;
        boolean answered;
        long answeredAt;

        Handouts copy() {
            Handouts copy = new Handouts();
            copy.count = count;
            copy.answered = answered;
            copy.answeredAt = answeredAt;
            return copy;
        }
    }
}
