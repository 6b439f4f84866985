package io.tenantry.tenancy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The pool's data source: PostgreSQL's, whose connections begin every statement prepared inside a
 * tenant's transaction with a comment naming the tenant's schema ({@code /*acme*}{@code /}).
 *
 * <p>Why: a pooled connection serves many tenants one after another, and PostgreSQL parses and plans
 * a prepared statement again whenever the search_path differs from the one it was prepared under
 * ({@link SchemaRouting}). With the schema in the text, the driver keeps one server-prepared statement
 * per tenant and query on each connection, always run on its own schema, so PostgreSQL keeps its plan.
 * The tag is a {@link SchemaName}, whose rules leave no room to end the comment. Measured in
 * bench/README.md ("Server CPU per read").
 */
public class TenantTaggedDataSource extends PGSimpleDataSource {

    private static final long serialVersionUID = 1L;

    // The only way to a connection: getConnection() calls this one.
    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return tagged(super.getConnection(user, password));
    }

    private static Connection tagged(Connection connection) {
        return (Connection) Proxy.newProxyInstance(TenantTaggedDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Tagging(connection));
    }

    /** Passes every call through; the SQL of prepareStatement and prepareCall gets the tenant's tag first. */
    private record Tagging(Connection connection) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                return proxy == arguments[0]; // passed through, the connection would not equal its proxy
            }
            if (arguments != null && arguments.length > 0 && arguments[0] instanceof String sql
                    && (method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))) {
                Optional<SchemaName> tenant = boundTenant();
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

        private static Optional<SchemaName> boundTenant() {
            try {
                return TransactionTenant.bound();
            } catch (IllegalStateException noTransactions) {
                return Optional.empty(); // a thread the container does not manage, where JNDI has no java:comp
            }
        }
    }
}
