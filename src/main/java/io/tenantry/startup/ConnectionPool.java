package io.tenantry.startup;

import io.tenantry.platform.Database;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one PostgreSQL connection pool, configured from DB_URL, DB_USER and DB_PASSWORD. Connections
 * are validated on use so that the pool recovers by itself after the database restarts. Defined
 * here, at the top, because it names its data source class by a string: tenancy's
 * TenantTaggedDataSource (proven by TenantTaggedDataSourceIT); the name the rest of the code looks
 * it up by is {@link Database#JNDI_NAME}.
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
public class ConnectionPool {
}
