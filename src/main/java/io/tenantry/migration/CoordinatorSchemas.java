package io.tenantry.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.tenantry.platform.Database;
import io.tenantry.tenancy.SchemaName;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Creates the schemas that Flyway builds from the first tenant migration on (the template, a
 * migrate-path tenant's staging schema) as plain schemas, never as Citus distributed schemas. On a
 * Citus cluster with {@code citus.enable_schema_based_sharding} on, every {@code CREATE SCHEMA} makes a
 * distributed schema whose tables may have foreign keys only among themselves or to reference tables,
 * and the early tenant migrations (V2 to V6_2) add keys into {@code public.account}, which V6_3 drops
 * again: in a distributed schema V2 fails. The template stays a plain schema on the coordinator (it is
 * only read, to write the creation script); a tenant, made from it or staged, is distributed once
 * built ({@link DistributedSchemas}). Without Citus the setting is an unused placeholder, local to
 * the creating transaction: the schema is created exactly as before.
 */
@ApplicationScoped
public class CoordinatorSchemas {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /**
     * Creates {@code schema} (if absent when {@code ifAbsent}) in a transaction of its own, outside
     * schema-based sharding. Throws IllegalStateException with PostgreSQL's message when it cannot.
     */
    public void create(SchemaName schema, boolean ifAbsent) {
        try (Connection connection = Database.connection(dataSource); Statement statement = connection.createStatement()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                DistributedSchemas.createPlainSchemas(connection);
                statement.execute("CREATE SCHEMA " + (ifAbsent ? "IF NOT EXISTS " : "") + schema.quoted());
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create schema " + schema + ": " + e.getMessage(), e);
        }
    }
}
