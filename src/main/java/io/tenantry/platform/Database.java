package io.tenantry.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The name of the main PostgreSQL connection pool and the way to use a pooled connection for plain
 * JDBC work, inside a transaction or outside, from the pool the thread draws from ({@link #drawFrom}:
 * a request to a tenant draws from its connection lane). The pools are the server's (payara-config/, wildfly-config/: validated connections,
 * opened on the schema {@code _unrouted}, which does not exist); web.xml maps this name to the
 * server's {@code jdbc/tenantry}.
 */
@ApplicationScoped
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/tenantry";

    private static final String TRANSACTIONS = "java:comp/TransactionSynchronizationRegistry";
    /** This thread's pool: unset, none chosen; empty, the main pool; else a lane's. */
    private static final ThreadLocal<Optional<DataSource>> DRAWN_FROM = new ThreadLocal<>();

    /**
     * A connection for plain JDBC work, of {@code dataSource} unless this thread draws from another
     * pool ({@link #poolOf}). Outside a JTA transaction it commits
     * statement by statement: Payara can return a connection whose local transaction failed at commit to
     * the pool with auto-commit still off, and work done on it afterwards would silently roll back.
     * Inside one, it is the transaction's own connection (the server shares it within the transaction)
     * and is left as it is, so its statements commit or roll back with the transaction: switching it to
     * auto-commit there committed the transaction's work so far, ran the rest outside any transaction and
     * failed the commit (a 500, the all-or-nothing broken: a registry read of a tenant this instance had
     * not met yet, from a page's transaction). A thread the server does not manage has no transaction.
     */
    public static Connection connection(DataSource dataSource) throws SQLException {
        Connection connection = poolOf(dataSource).getConnection();
        if (!connection.getAutoCommit() && !inTransaction()) {
            connection.setAutoCommit(true);
        }
        return connection;
    }

    /**
     * The pool this thread draws its connections from: the one {@link #drawFrom} gave it, else
     * {@code main}. Every connection of the application is taken through here ({@link #connection},
     * and EclipseLink's through {@code tenancy.TenantTaggedDataSource}).
     */
    public static DataSource poolOf(DataSource main) {
        Optional<DataSource> drawn = DRAWN_FROM.get();
        return drawn == null ? main : drawn.orElse(main);
    }

    /** Whether this thread's work has chosen its pool already ({@link #drawFrom}), the main one included. */
    public static boolean choseItsPool() {
        return DRAWN_FROM.get() != null;
    }

    /**
     * Has this thread take its connections from {@code pool} (empty: the main pool, whatever work
     * nested inside would choose) until the choice given back is closed: all of them, in every
     * transaction of the work, so that a transaction begun inside another (REQUIRES_NEW) draws from the
     * pool of the connection the outer one holds, as the servers enlist that one into it too (two pools
     * in one transaction would be two non-XA resources, which they refuse). A thread that has chosen
     * already keeps its choice, and the choice given back then changes nothing. Closing it again, or on
     * another thread, changes nothing either.
     */
    public static PoolChoice drawFrom(Optional<DataSource> pool) {
        if (choseItsPool()) {
            return () -> { };
        }
        DRAWN_FROM.set(pool);
        Thread chooser = Thread.currentThread();
        AtomicBoolean ended = new AtomicBoolean();
        return () -> {
            if (Thread.currentThread() == chooser && !ended.getAndSet(true)) {
                DRAWN_FROM.remove();
            }
        };
    }

    /** A thread's choice of pool ({@link #drawFrom}), ended by closing it. */
    @FunctionalInterface
    public interface PoolChoice extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Runs {@code work} in one local transaction on a connection of {@code dataSource}, outside any JTA
     * transaction (a managed thread's background work): committed when it returns, rolled back when it
     * throws, and the connection given back to the pool in auto-commit either way. Gives what the work gives.
     */
    public static <T> T inLocalTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = connection(dataSource)) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.on(connection);
            } catch (Throwable failed) { // an Error too: auto-commit switched back on would commit the work so far
                try {
                    connection.rollback();
                    connection.setAutoCommit(true);
                } catch (SQLException alsoFailed) {
                    failed.addSuppressed(alsoFailed);
                }
                throw failed;
            }
            connection.commit();
            connection.setAutoCommit(true);
            return result;
        }
    }

    /** JDBC work on a connection, inside the transaction {@link #inLocalTransaction} gives it. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private static boolean inTransaction() {
        try {
            TransactionSynchronizationRegistry transactions = InitialContext.doLookup(TRANSACTIONS);
            return transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (NamingException notManaged) {
            return false; // a thread the container does not manage, where JNDI has no java:comp
        }
    }
}
