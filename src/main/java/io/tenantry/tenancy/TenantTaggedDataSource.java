package io.tenantry.tenancy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.tenantry.platform.Database;

/**
 * The server's pool as EclipseLink sees it ({@link TenantTaggedConnections}): its connections begin
 * every statement prepared inside a tenant's transaction with a comment naming the tenant's schema
 * ({@code /*acme*}{@code /}). The pool itself is the server's, defined in payara-config/ (or
 * wildfly-config/), so it cannot name a class of the WAR: the tagging wraps it here instead. Each
 * connection comes from the pool the thread draws from ({@link Database#poolOf}: the request's tenant's
 * connection lane, {@link ConnectionLanes}, else the wrapped pool).
 *
 * <p>Why: a pooled connection serves many tenants one after another, and PostgreSQL parses and plans
 * a prepared statement again whenever the search_path differs from the one it was prepared under
 * ({@link SchemaRouting}). With the schema in the text, the driver keeps one server-prepared statement
 * per tenant and query on each connection, always run on its own schema, so PostgreSQL keeps its plan.
 * The tag is a {@link SchemaName}, whose rules leave no room to end the comment. Measured in
 * bench/README.md ("Server CPU per read"). A statement whose plan does not depend on the schema it
 * runs on, and which always runs under the same search_path, is better untagged
 * ({@link #prepareUntagged}: the route itself).
 */
public final class TenantTaggedDataSource implements DataSource {

    private final DataSource pool;
    private final Supplier<Optional<SchemaName>> boundTenant;

    /** Tags the connections of {@code pool}, which stays the one that opens, enlists and closes them. */
    public TenantTaggedDataSource(DataSource pool) {
        this(pool, TenantTaggedDataSource::transactionTenant);
    }

    /** As above, with the tenant of the current unit of work told by {@code boundTenant}. */
    TenantTaggedDataSource(DataSource pool, Supplier<Optional<SchemaName>> boundTenant) {
        this.pool = pool;
        this.boundTenant = boundTenant;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return tagged(Database.poolOf(pool).getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return tagged(Database.poolOf(pool).getConnection(user, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }

    /**
     * Prepares {@code sql} without the tenant's tag, on a connection of this data source (or any other,
     * prepared as it is): for a statement whose plan holds whatever schema it runs on, which
     * PostgreSQL keeps as long as it runs under the same search_path, such as {@link SchemaRouting}'s
     * route, run before the route under the connection's own. One statement then serves every tenant
     * on the connection, where a tagged one would be parsed and planned again for each tenant. Refused
     * outside a database transaction in a tenant's transaction, as a tagged one is (SQLState 08003).
     *
     * @param connection a connection this data source handed out
     * @param sql the statement
     * @return the statement, prepared on the same connection
     * @throws SQLException as {@link Connection#prepareStatement(String)}
     */
    public static PreparedStatement prepareUntagged(Connection connection, String sql) throws SQLException {
        if (Proxy.isProxyClass(connection.getClass()) && Proxy.getInvocationHandler(connection) instanceof Tagging tagging) {
            tagging.refuseOutsideTransaction();
            return tagging.connection().prepareStatement(sql);
        }
        return connection.prepareStatement(sql);
    }

    private Connection tagged(Connection connection) {
        return (Connection) Proxy.newProxyInstance(TenantTaggedDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Tagging(connection, boundTenant));
    }

    private static Optional<SchemaName> transactionTenant() {
        try {
            return TransactionTenant.bound();
        } catch (IllegalStateException noTransactions) {
            return Optional.empty(); // a thread the container does not manage, where JNDI has no java:comp
        }
    }

    /**
     * Passes every call through; the SQL of prepareStatement and prepareCall gets the tenant's tag first.
     * In a tenant's transaction, a connection in auto-commit takes no statement: the route to the tenant's
     * schema ended with the database transaction it was set in ({@link SchemaRouting}), so something ended
     * that transaction under the request (a pool recovering from a lost database), and the statement would
     * run on no tenant's schema, or, on a shared table, outside the request's transaction. Refused with
     * SQLState 08003 (connection does not exist), as a lost connection is: 503, and nothing was written.
     */
    private record Tagging(Connection connection, Supplier<Optional<SchemaName>> boundTenant)
            implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                return proxy == arguments[0]; // passed through, the connection would not equal its proxy
            }
            if (arguments != null && arguments.length > 0 && arguments[0] instanceof String sql
                    && (method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))) {
                Optional<SchemaName> tenant = refuseOutsideTransaction();
                if (tenant.isPresent()) {
                    arguments[0] = "/*" + tenant.get().value() + "*/ " + sql;
                }
            }
            try {
                return method.invoke(connection, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        /** The tenant whose transaction this is, if any; refused (08003) when the connection is in auto-commit then. */
        Optional<SchemaName> refuseOutsideTransaction() throws SQLException {
            Optional<SchemaName> tenant = boundTenant.get();
            if (tenant.isPresent() && connection.getAutoCommit()) {
                throw new SQLException("A connection of tenant " + tenant.get().value()
                        + "'s transaction is outside a database transaction: it was lost meanwhile", "08003");
            }
            return tenant;
        }
    }
}
