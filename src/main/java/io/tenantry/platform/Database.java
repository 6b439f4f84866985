package io.tenantry.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one PostgreSQL connection pool, configured from DB_URL, DB_USER and DB_PASSWORD. Connections
 * are validated on use so that the pool recovers by itself after the database restarts.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        // PostgreSQL's, tagging each tenant's statements so that their plans are kept (see the class).
        className = "io.tenantry.tenancy.TenantTaggedDataSource",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        minPoolSize = 2,
        // Requests hold a connection only during their transaction; 40 serves 64+ clients on 2 cores.
        maxPoolSize = 40,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
            "fish.payara.fail-all-connections=true",
            // A schema that does not exist: only a tenant's transaction routes a connection (SchemaRouting).
            "currentSchema=_unrouted",
            // Room on each connection for the tagged statements of the tenants it serves; the least
            // recently used are deallocated beyond it.
            "preparedStatementCacheQueries=1024"
        })
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
