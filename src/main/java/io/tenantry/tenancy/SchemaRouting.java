package io.tenantry.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Optional;

import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Routes every connection EclipseLink acquires in a tenant's transaction to that tenant's schema,
 * with a transaction-local {@code search_path}, before its first statement. The setting ends with the
 * database transaction, so a pooled connection is back on the schema it was opened with,
 * {@code _unrouted} ({@link io.tenantry.platform.Database}), which does not exist: an unrouted
 * query on a tenant table fails instead of reading the previous tenant's rows. Shared tables are
 * always qualified with {@code public}, and so is every SQL statement outside EclipseLink.
 *
 * <p>Local to the transaction, not a session-level SET: work without a tenant then needs no
 * statement of its own, and PostgreSQL keeps the plans of prepared statements that run on the same
 * schema as before. It relies on the persistence unit's {@code eclipselink.transaction.join-existing}:
 * reads in a JTA transaction use its connection, which is inside a database transaction. It is
 * {@code set_config(…, true)} rather than {@code SET LOCAL} because the PostgreSQL driver drops
 * every server-prepared statement of a connection when it sees a {@code SET search_path} with new
 * text, so every statement, even on shared tables, would be parsed and planned again after each
 * change of tenant. PostgreSQL itself plans a prepared statement again when the search_path differs
 * from the one it was planned with, which {@link TenantTaggedDataSource} avoids by giving each tenant
 * statements of its own.
 *
 * <p>This replaces EclipseLink's TABLE_PER_TENANT strategy, whose per-EntityManager descriptor
 * cloning hangs under concurrency and drops foreign keys on EclipseLink 4.0.7 (eclipselink#2406);
 * see docs/architecture.md for the measurements.
 */
public class SchemaRouting extends SessionEventAdapter {

    /** SET LOCAL search_path, written so that the driver keeps its prepared statements (see above). */
    private static final String ROUTE = "SELECT set_config('search_path', ?, true)";
    /**
     * The route with the tenant's transaction lock, shared, held until the transaction ends: a restore
     * takes it exclusively ({@link TenantRestores}) and so waits for every transaction of the tenant,
     * on every instance, and none begins under it. One statement, as the route alone was.
     */
    private static final String ROUTE_AND_LOCK = "SELECT set_config('search_path', ?, true), " + TenantRestores.SHARED_LOCK;
    /**
     * Before the route, which is the transaction's first query: PostgreSQL takes a REPEATABLE READ
     * transaction's snapshot at its first query and refuses the level after it. Transaction-local, so
     * the pooled connection is back at READ COMMITTED afterwards (the driver's setTransactionIsolation
     * would change the session's default instead).
     */
    private static final String ONE_SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ";

    /**
     * No query is retried on another connection. EclipseLink, meeting a connection that failed (the
     * database restarting), would reconnect and run a read again on a new connection that no
     * transaction holds and this listener has not routed: in auto-commit, on {@code _unrouted}, where a
     * tenant's table "does not exist" (a 500 in DatabaseRestartIT, about one write in 2,000 during a
     * restart). Failing instead, the request answers 503 and the client sends it again.
     */
    @Override
    public void preLogin(SessionEvent event) {
        if (event.getSession().getDatasourceLogin() instanceof DatabaseLogin database) {
            database.setQueryRetryAttemptCount(0);
            database.setConnectionHealthValidatedOnError(false);
        }
    }

    @Override
    public void postAcquireConnection(SessionEvent event) {
        Optional<SchemaName> schema = TransactionTenant.bound();
        if (schema.isEmpty()) {
            return;
        }
        Connection connection = ((Accessor) event.getResult()).getConnection();
        try {
            // A connection in auto-commit is refused by TenantTaggedDataSource when the route is prepared:
            // the route would end with the statement. Untagged: it always runs under the connection's own
            // search_path, before it routes, so one plan serves every tenant.
            if (TransactionTenant.readsOneSnapshot()) {
                try (Statement level = connection.createStatement()) {
                    level.execute(ONE_SNAPSHOT);
                }
            }
            boolean restore = TransactionTenant.isRestore();
            try (PreparedStatement statement = TenantTaggedDataSource.prepareUntagged(connection, restore ? ROUTE : ROUTE_AND_LOCK)) {
                statement.setString(1, schema.get().quoted());
                if (!restore) {
                    statement.setLong(2, TenantRestores.lockKeyOf(schema.get()));
                }
                statement.executeQuery().close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not route the connection to the tenant's schema", e);
        }
    }
}
