package io.tenantry.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import javax.transaction.xa.XAException;

import jakarta.transaction.RollbackException;

/**
 * Tells a failure caused by the database being briefly out of reach (restarting, shutting down,
 * refusing connections, the pool unable to open one) from every other: such a request did nothing
 * (its transaction is gone) and may be sent again, so it is answered 503 with {@code Retry-After},
 * not 500.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait: a PostgreSQL restart takes a few. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure}, or anything it was caused by, says the database could not be reached. */
    public static boolean causedIt(Throwable failure) {
        List<Throwable> chain = chainOf(failure);
        if (chain.stream().anyMatch(cause -> cause instanceof SQLException sql && unavailable(sql))) {
            return true;
        }
        // PostgreSQL answered with a state of its own (a constraint, a raised error): it was reached. WildFly's
        // rollback of a commit PostgreSQL refused carries that refusal inside the connector's and the
        // transaction manager's exceptions, which alone would read as a lost connection.
        if (chain.stream().anyMatch(cause -> cause instanceof SQLException sql && sql.getSQLState() != null)) {
            return false;
        }
        return chain.stream().anyMatch(cause -> cause instanceof ConnectException || poolCouldNotAllocate(cause)
                || connectionLost(cause));
    }

    /** The failure, its causes and what they suppressed (Narayana adds a commit's failures so), each once. */
    private static List<Throwable> chainOf(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        List<Throwable> chain = new ArrayList<>();
        Deque<Throwable> next = new ArrayDeque<>(List.of(failure));
        while (!next.isEmpty()) {
            Throwable cause = next.pop();
            if (seen.put(cause, true) == null) {
                chain.add(cause);
                if (cause.getCause() != null) {
                    next.add(cause.getCause());
                }
                next.addAll(List.of(cause.getSuppressed()));
            }
        }
        return chain;
    }

    private static boolean unavailable(SQLException failure) {
        for (SQLException sql = failure; sql != null; sql = sql.getNextException()) {
            String state = sql.getSQLState();
            // 08: connection exceptions; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now;
            // 53300: too many connections.
            if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))) {
                return true;
            }
            if (poolCouldNotAllocate(sql) || takenBackByThePool(sql)) {
                return true;
            }
        }
        return false;
    }

    // A transaction's connection that died under it: the connector architecture's failure (the pool
    // found the physical connection unusable), the transaction manager's "resource manager failed",
    // or a commit that could not happen and was rolled back instead (the transaction manager logs
    // why, DTX5007, and throws it without a cause): nothing was written, the request may be retried.
    private static boolean connectionLost(Throwable failure) {
        return failure.getClass().getName().startsWith("jakarta.resource.") || failure instanceof RollbackException
                || (failure instanceof XAException xa
                        && (xa.errorCode == XAException.XAER_RMFAIL || commitMetClosedConnection(xa)));
    }

    // Payara turns a local commit that failed into an XAException that keeps only the resource
    // adapter's message (no cause, error code XAER_RMERR), and @Transactional wraps it in a
    // SystemException. PostgreSQL's JDBC driver says a connection is gone in these words; a COMMIT
    // that met them found its session ended and was not carried out. (A server that ends the session
    // in the instant after carrying out the COMMIT, before answering, leaves it in doubt: PostgreSQL
    // cannot tell the client; the answer is then 503 for a stored write.) The last words are the
    // resource adapter's own, when the pool has already found the connection dead: it then refuses the
    // commit without sending it.
    private static final List<String> CLOSED_CONNECTION_WORDS = List.of("This connection has been closed",
            "terminating connection", "An I/O error occurred", "the database system is shutting down",
            "physical connection is not usable");

    private static boolean commitMetClosedConnection(XAException failure) {
        String message = failure.getMessage();
        return message != null && message.startsWith("jakarta.resource.")
                && CLOSED_CONNECTION_WORDS.stream().anyMatch(message::contains);
    }

    // WildFly's pool (IronJacamar) flushes every connection when one is found dead (wildfly-config/): a
    // request still holding a handle then meets IJ031040 at its next statement, before anything is sent.
    // Its transaction died with the physical connection, so nothing was written.
    private static boolean takenBackByThePool(SQLException failure) {
        String message = failure.getMessage();
        return message != null && message.startsWith("IJ031040");
    }

    // Payara's pool says so only in words (no SQLState) when it cannot open a connection.
    private static boolean poolCouldNotAllocate(Throwable failure) {
        String name = failure.getClass().getName();
        String message = failure.getMessage();
        return name.endsWith("PoolingException") || name.endsWith("ResourceAllocationException")
                || (message != null && message.contains("Error in allocating a connection"));
    }
}
