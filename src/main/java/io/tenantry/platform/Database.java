package io.tenantry.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The name of the one PostgreSQL connection pool and the way to use one of its connections outside
 * a transaction. The pool is the server's (payara-config/, wildfly-config/: validated connections,
 * opened on the schema {@code _unrouted}, which does not exist); web.xml maps this name to the
 * server's {@code jdbc/tenantry}.
 */
@ApplicationScoped
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/tenantry";

    /**
     * A connection for work outside any JTA transaction, committed statement by statement. Payara
     * can return a connection whose local transaction failed at commit to the pool with auto-commit
     * still off; work done on it afterwards would silently roll back.
     */
    public static Connection autoCommitted(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
        return connection;
    }
}
